import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stopRunningMocks } from '../../../../src/cli/commands/mock/index.js';
import { run } from '../../../../src/cli/run.js';
import { fakeIo } from '../../../helpers/fake-io.js';
import { waitFor } from '../../../helpers/wait-for.js';

const FIXTURES = new URL('../../../fixtures/openapi/', import.meta.url).pathname;

describe('okta-connector mock openapi', () => {
  it('serves a description on 127.0.0.1, prints what it serves and its overrides, logs requests, stops cleanly', async () => {
    const io = fakeIo();
    const exit = run(
      ['mock', 'openapi', `${FIXTURES}twilio/twilio_api_v2010.json`, '--port', '0', '--seed', '42'],
      io,
    );
    const url = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out())?.[1], 15_000);
    expect(io.out()).toContain('Mock OpenAPI Twilio - Api');
    expect(io.out()).toContain(`serves https://api.twilio.com at ${url}`);
    expect(io.out()).toMatch(
      /override ListMessage query DateSent \(twilio_api_v2010\.yaml\): typed date-time/,
    );
    expect(io.out()).toContain('seed 42');
    const r = await fetch(`${url}/2010-04-01/Accounts/AC11111111111111111111111111111111/Messages.json`);
    expect(r.status).toBe(401);
    await waitFor(() => (io.out().includes(' 401 ') ? true : undefined));
    expect(io.out()).toMatch(
      /GET \/2010-04-01\/Accounts\/AC1{32}\/Messages\.json 401 ListMessage \d+ms {2}security accountSid_authToken: expects HTTP Basic/,
    );
    stopRunningMocks();
    expect(await exit).toBe(0);
    expect(io.out()).toContain('Mock OpenAPI stopped.');
    await expect(fetch(`${url}/__mock/health`)).rejects.toThrow();
  });

  it('--no-bundled-overrides and --quiet; a user override file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oc-mock-openapi-'));
    writeFileSync(
      join(dir, 'mine.yaml'),
      'overrides: 1\noperations:\n  listMyPets:\n    query: {}\n  listPets:\n    query:\n      limit: {reason: ours go to 500, schema: {type: integer, maximum: 500}}\n',
    );
    const io = fakeIo({ cwd: dir });
    const exit = run(
      [
        'mock',
        'openapi',
        `${FIXTURES}petstore-multi/api.yaml`,
        '--port',
        '0',
        '--overrides',
        'mine.yaml',
        '--no-bundled-overrides',
        '--quiet',
      ],
      io,
    );
    const url = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out())?.[1], 15_000);
    expect(io.out()).toContain('override listPets query limit (mine.yaml): ours go to 500');
    expect((await fetch(`${url}/v1/pets?limit=400`, { headers: { 'x-api-key': 'k' } })).status).toBe(200);
    stopRunningMocks();
    expect(await exit).toBe(0);
    expect(io.out()).not.toContain('GET /v1/pets');
  });

  it('a description that is not one, or a broken override file, is exit 1 with the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oc-mock-openapi-'));
    writeFileSync(join(dir, 'not-api.yaml'), 'name: nope\n');
    writeFileSync(
      join(dir, 'bad.yaml'),
      'overrides: 1\noperations:\n  NoSuchOp:\n    query: {x: {reason: r, remove: true}}\n',
    );
    const a = fakeIo({ cwd: dir });
    expect(await run(['mock', 'openapi', 'not-api.yaml', '--port', '0'], a)).toBe(1);
    expect(a.err()).toContain('not an OpenAPI description');
    const b = fakeIo({ cwd: dir });
    expect(
      await run(
        ['mock', 'openapi', `${FIXTURES}petstore-multi/api.yaml`, '--port', '0', '--overrides', 'bad.yaml'],
        b,
      ),
    ).toBe(1);
    expect(b.err()).toMatch(/bad\.yaml:3:3.*no operation "NoSuchOp"/);
    const c = fakeIo();
    expect(await run(['mock', 'openapi', `${FIXTURES}petstore-multi/api.yaml`, '--port', 'x'], c)).toBe(2);
  });
});
