import { describe, it, expect } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionKeys, requireConnection, resolveConnection } from '../../src/run/connection.js';
import { UsageError } from '../../src/errors.js';
import type { ConnectorSpec } from '../../src/spec/types.js';

const known = ['username', 'password', 'accountSid'];

describe('resolveConnection', () => {
  it('layers defaults < OKTA_CONNECTOR_CONNECTION < per-field env < --connection-file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oc-conn-'));
    await writeFile(join(dir, 'conn.yaml'), 'password: from-file\n');
    const { connection, sources } = await resolveConnection({
      file: 'conn.yaml',
      cwd: dir,
      knownKeys: known,
      defaults: { username: 'd-user', password: 'd-pass', accountSid: 'd-ac' },
      env: {
        OKTA_CONNECTOR_CONNECTION: '{"username":"json-user","accountSid":"json-ac"}',
        OKTA_CONNECTOR_CONN_ACCOUNTSID: 'env-ac',
      },
    });
    expect(connection).toEqual({ username: 'json-user', password: 'from-file', accountSid: 'env-ac' });
    expect(sources).toEqual([
      'the embedded mock',
      'OKTA_CONNECTOR_CONNECTION',
      'OKTA_CONNECTOR_CONN_ACCOUNTSID',
      'conn.yaml',
    ]);
  });
  it('maps upper-case env names back to the connector keys', async () => {
    const { connection } = await resolveConnection({
      cwd: '/',
      knownKeys: known,
      env: {
        OKTA_CONNECTOR_CONN_USERNAME: 'SKx',
        OKTA_CONNECTOR_CONN_PASSWORD: 's',
        OKTA_CONNECTOR_CONN_REGION: 'ie1',
      },
    });
    expect(connection).toEqual({ username: 'SKx', password: 's', region: 'ie1' });
  });
  it('refuses malformed JSON in the environment', async () => {
    await expect(
      resolveConnection({ cwd: '/', knownKeys: known, env: { OKTA_CONNECTOR_CONNECTION: '{nope' } }),
    ).rejects.toBeInstanceOf(UsageError);
  });
});

describe('requireConnection', () => {
  const spec = {
    authentication: { type: 'basic' },
    connectionParameters: [{ key: 'accountSid', label: 'Account SID', type: 'text', required: true }],
  } as unknown as ConnectorSpec;
  it('lists the keys a basic-auth spec needs', () => {
    expect(connectionKeys(spec)).toEqual([
      { key: 'username', required: true },
      { key: 'password', required: true },
      { key: 'accountSid', required: true },
    ]);
  });
  it('says which environment variables to set', () => {
    expect(() => requireConnection(spec, { username: 'SK' })).toThrow(
      /missing password, accountSid\. Set OKTA_CONNECTOR_CONN_PASSWORD, OKTA_CONNECTOR_CONN_ACCOUNTSID/,
    );
    expect(() => requireConnection(spec, { username: 'a', password: 'b', accountSid: 'c' })).not.toThrow();
  });
});

describe('OKTA_CONNECTOR_CONNECTION parse errors never echo the secret (issue 18 #8)', () => {
  it.each([
    '{"username":"SKu","password":hunter2-PLANTED-SECRET}',
    '{"password":"hunter2-PLANTED-SECRET" "x":1}',
    '{"password":"hunter2-PLANTED-SECRET',
    "{'password':'hunter2-PLANTED-SECRET'}",
    'hunter2-PLANTED-SECRET',
    '{"password":"hunter2-PLANTED-SECRET",}',
  ])('%s', async (json) => {
    const error = await resolveConnection({
      env: { OKTA_CONNECTOR_CONNECTION: json },
      cwd: '.',
      knownKeys: [],
    }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^OKTA_CONNECTOR_CONNECTION must hold a JSON object: /);
    expect(error?.message).not.toMatch(/hunter|PLANTED|SECRET/);
  });
});
