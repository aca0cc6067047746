import { describe, expect, it } from 'vitest';
import { REVOKE } from '../../src/connector/contract.js';
import { lintFlopack } from '../../src/lint/index.js';
import { runTargetFlow } from '../../src/run/execute.js';
import { selectFlow } from '../../src/run/select.js';
import { fromSpec } from '../../src/run/target.js';
import type { HttpRequest } from '../../src/simulate/index.js';
import type { ConnectorSpec } from '../../src/spec/types.js';
import { baseSpec, validateObject } from '../spec/helpers.js';

const TOKEN = 'at-planted-55/+x';

function oauthSpec(revokeUrl: string): ConnectorSpec {
  const spec = baseSpec();
  spec.baseUrl = 'https://api.example.com/v2';
  spec.connectionParameters = [];
  spec.authentication = {
    type: 'oauth2',
    grantType: 'authorization_code',
    authorizeUrl: 'https://api.example.com/oauth/authorize',
    tokenUrl: 'https://api.example.com/oauth/token',
    revokeUrl,
  };
  spec.authping = { request: { method: 'GET', path: '/me' } };
  spec.actions = [{ name: 'Ping', description: 'Pings.', request: { method: 'GET', path: '/ping' } }];
  return spec;
}

async function revoke(spec: ConnectorSpec, status: number) {
  const target = await fromSpec(spec, 'c.yaml');
  const seen: HttpRequest[] = [];
  const result = await runTargetFlow({
    target,
    flow: selectFlow(target, { flow: '_revoke' }),
    options: {},
    inputs: {},
    connection: { access_token: TOKEN },
    serverUrl: 'http://127.0.0.1:9',
    origins: ['https://auth.example.org'],
    transport: async (req) => {
      seen.push(req);
      return {
        status,
        headers: { 'content-type': 'application/json' },
        body: status < 400 ? '{}' : '{"error":"x"}',
      };
    },
  });
  return { target, seen, result };
}

describe('_revoke (Okta: Build a revoke flow)', () => {
  it('POSTs token=<access_token> through httpHelper when the revoke URL is under the base URL', async () => {
    const spec = oauthSpec('https://api.example.com/v2/oauth/revoke');
    expect(validateObject(spec).filter((d) => d.severity === 'error')).toEqual([]);
    const { target, seen, result } = await revoke(spec, 200);
    const flo = Object.values(target.flopack.data.flos).find((f) => f.name === '_revoke')!;
    expect(flo.description).toBe(`Revoke an access token from the ${spec.displayName} service`);
    const cards = flo.data.methods.map((m) => m.node.data.name);
    expect(cards).toEqual(expect.arrayContaining(['If Error']));
    expect(result.ok && result.outputs).toEqual({ message: REVOKE.revoked, status_code: 200 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('POST');
    expect(new URL(seen[0]!.url).pathname).toBe('/v2/oauth/revoke');
    expect(seen[0]!.body).toBe(`token=${encodeURIComponent(TOKEN)}`);
    // httpHelper authenticates it like every request (Bearer), and the trace never shows the token.
    expect(seen[0]!.headers['Authorization']).toBe(`Bearer ${TOKEN}`);
    expect(JSON.stringify(result.trace)).not.toContain('at-planted-55');
    expect(lintFlopack(target.flopack, { connector: true }).filter((d) => d.severity === 'error')).toEqual(
      [],
    );
  });

  it('sends a revoke URL on another host with Raw Request, and reports a refusal in message', async () => {
    const { seen, result } = await revoke(oauthSpec('https://auth.example.org/revoke'), 400);
    expect(result.ok && result.outputs).toEqual({ message: `${REVOKE.refusedPrefix}400`, status_code: 400 });
    expect(new URL(seen[0]!.url).pathname).toBe('/revoke');
    expect(seen[0]!.headers['Authorization']).toBeUndefined();
  });
});
