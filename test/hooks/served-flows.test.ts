import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowAlias } from '../../src/hooks/alias.js';
import { connectionsFromEnv, loadConnectionFile } from '../../src/hooks/connections.js';
import { connectionsFor, loadServedFlows } from '../../src/hooks/served-flows.js';
import { OKTA_WORKFLOWS_DIR } from '../support/fixtures.js';

const samples = OKTA_WORKFLOWS_DIR;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'served-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('loadServedFlows', () => {
  it("picks a real export's API Endpoint flows with deterministic 32-hex aliases", async () => {
    const flows = await loadServedFlows([join(samples, 'telephony_inline_hook_whatsapp_sms.flow')], '/');
    expect(flows.map((f) => f.flo.name)).toEqual(['Telephony Inline']);
    expect(flows[0]!.alias).toMatch(/^[0-9a-f]{32}$/);
    expect(flows[0]!.alias).toBe(flowAlias(flows[0]!.flo.id));
  });

  it('refuses missing paths, folders without exports, and exports without API Endpoint flows', async () => {
    await expect(loadServedFlows(['nope'], dir)).rejects.toThrow('nope does not exist');
    await expect(loadServedFlows([dir], dir)).rejects.toThrow(/holds no .folder/);
    await expect(loadServedFlows([join(samples, 'send_sms_via_twilio.flopack')], '/')).rejects.toThrow(
      /no API Endpoint flow/,
    );
  });
});

describe('connections', () => {
  const flopack = {
    data: {
      configs: {
        a: { id: 'a', name: 'Okta', module: 'okta', data: null },
        b: { id: 'b', name: 'API Connector', module: 'httpfunctions', data: null },
        c: { id: 'c', name: 'Slack', module: 'slack', data: null },
      },
    },
  } as never;

  it('maps values keyed by connection name (any case) or module to config ids', () => {
    const values = { okta: { domain: 'd', token: 't' }, httpfunctions: { username: 'u', password: 'p' } };
    expect(connectionsFor(flopack, values)).toEqual({ a: values.okta, b: values.httpfunctions });
  });

  it('reads a YAML connection file and the JSON env variable, refusing other shapes', async () => {
    const file = join(dir, 'connections.yaml');
    await writeFile(file, 'okta:\n  domain: dev-1.okta.com\n  token: abc\n');
    expect(await loadConnectionFile(file)).toEqual({ okta: { domain: 'dev-1.okta.com', token: 'abc' } });
    await writeFile(file, 'okta: 3\n');
    await expect(loadConnectionFile(file)).rejects.toThrow(/"okta" is not an object/);
    expect(connectionsFromEnv({ OKTA_CONNECTOR_CONNECTIONS: '{"twilio":{"username":"SK1"}}' })).toEqual({
      twilio: { username: 'SK1' },
    });
    expect(connectionsFromEnv({})).toBeUndefined();
    expect(() => connectionsFromEnv({ OKTA_CONNECTOR_CONNECTIONS: 'x' })).toThrow(/is not JSON/);
  });
});
