import { describe, expect, it } from 'vitest';
import { runTargetFlow } from '../../src/run/execute.js';
import { selectFlow } from '../../src/run/select.js';
import { fromSpec } from '../../src/run/target.js';
import type { HttpRequest, HttpResponse } from '../../src/simulate/index.js';
import type { ConnectorSpec } from '../../src/spec/types.js';
import { sessionTokenAuth } from '../helpers/session-token.js';
import { validateObject } from '../spec/helpers.js';

/** Planted secrets: none may appear in any trace. */
const CLIENT_SECRET = 'cs-planted-7a6b5c';
const SESSION = 'SESS-planted-9f8e7d';

/** A service that trades a client id and secret for a session token, then wants the token on every request. */
function tokenSpec(): ConnectorSpec {
  return {
    specVersion: 1,
    name: 'tokensvc',
    displayName: 'Token Service',
    description: 'A service with session tokens.',
    version: '1.0.0',
    supportEmail: 'dev@example.com',
    authentication: sessionTokenAuth({
      path: '/auth/session',
      body: {
        encoding: 'form',
        fields: { client_id: '${connection.clientId}', client_secret: '${connection.clientSecret}' },
      },
      value: 'data.session',
    }),
    connectionParameters: [
      { key: 'clientId', label: 'Client ID', type: 'text' },
      { key: 'clientSecret', label: 'Client Secret', type: 'password' },
    ],
    baseUrl: 'https://api.tokensvc.example/v1',
    authping: { request: { method: 'GET', path: '/me' } },
    actions: [
      {
        name: 'Get Thing',
        description: 'Reads a thing.',
        inputs: [{ key: 'id', label: 'ID', type: 'text', required: true }],
        outputs: [{ key: 'name', label: 'Name', type: 'text', from: 'body', path: 'name' }],
        request: { method: 'GET', path: '/things/${inputs.id}' },
      },
    ],
  };
}

/** A transport that answers with `answer`, and the requests it was sent. */
function recording(answer: (req: HttpRequest) => HttpResponse) {
  const seen: HttpRequest[] = [];
  const transport = async (req: HttpRequest) => (seen.push(req), answer(req));
  return { seen, transport };
}

/** A fake service: the session endpoint (answering `tokenStatus`), and things that need `Session <token>`. */
function service(tokenStatus = 200) {
  return recording((req) => {
    const json = (status: number, body: unknown): HttpResponse => ({
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const path = new URL(req.url).pathname;
    if (path === '/v1/auth/session') {
      const form = new URLSearchParams(req.body ?? '');
      if (tokenStatus !== 200 || form.get('client_secret') !== CLIENT_SECRET)
        return json(tokenStatus === 200 ? 401 : tokenStatus, { error: 'invalid_client' });
      return json(200, { data: { session: SESSION, expires_in: 3600 } });
    }
    if (req.headers['Authorization'] !== `Session ${SESSION}`) return json(401, { message: 'no session' });
    return json(200, { name: `thing ${path.split('/').pop()}` });
  });
}

/** Runs the action Get Thing (id x1) of `spec`, read as `file`, with `connection`, against `transport`. */
async function getThing(
  spec: ConnectorSpec,
  file: string,
  connection: Record<string, string>,
  transport: (req: HttpRequest) => Promise<HttpResponse>,
) {
  const target = await fromSpec(spec, file);
  const result = await runTargetFlow({
    target,
    flow: selectFlow(target, { action: 'Get Thing' }),
    options: {},
    inputs: { id: 'x1' },
    connection,
    serverUrl: 'http://127.0.0.1:9',
    transport,
  });
  return { target, result };
}

async function run(spec: ConnectorSpec, connection: Record<string, string>, tokenStatus = 200) {
  const { seen, transport } = service(tokenStatus);
  return { ...(await getThing(spec, 'tokensvc.yaml', connection, transport)), seen };
}

describe('config values from a helper flow', () => {
  it('is a valid spec', () => {
    expect(validateObject(tokenSpec()).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('runs the token helper flow first and sends its value on the action request', async () => {
    const { target, seen, result } = await run(tokenSpec(), {
      clientId: 'app-1',
      clientSecret: CLIENT_SECRET,
    });
    expect(target.flows.map((f) => [f.kind, f.name])[0]).toEqual(['config', 'Session Config Value']);
    expect(result.ok).toBe(true);
    expect(result.ok && result.outputs).toMatchObject({ name: 'thing x1' });
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /v1/auth/session',
      'GET /v1/things/x1',
    ]);
    // The helper flow sends no connector authentication ("helper flows can't use the connector's authentication").
    expect(seen[0]!.headers['Authorization']).toBeUndefined();
    expect(seen[0]!.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(seen[1]!.headers['Authorization']).toBe(`Session ${SESSION}`);
    // The trace shows both flows, never the client secret or the session token.
    const trace = JSON.stringify(result.trace);
    expect(trace).toContain('Session Config Value');
    expect(trace).not.toContain(CLIENT_SECRET);
    expect(trace).not.toContain(SESSION);
  });

  it('stops with a message naming the config value when the token request fails, and sends nothing else', async () => {
    const { seen, result } = await run(tokenSpec(), { clientId: 'app-1', clientSecret: 'wrong' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(
      /the connection's Session could not be computed \(flow "Session Config Value"\): .*401/,
    );
    expect(seen).toHaveLength(1);
    expect(JSON.stringify(result.trace)).not.toContain('wrong');
  });

  it('run on its own, the helper flow shows a Password value redacted, in outputs, trace and events', async () => {
    const target = await fromSpec(tokenSpec(), 'tokensvc.yaml');
    const { seen, transport } = service();
    const events: unknown[] = [];
    const result = await runTargetFlow({
      target,
      flow: selectFlow(target, { flow: 'Session Config Value' }),
      options: {},
      inputs: {},
      connection: { clientId: 'app-1', clientSecret: CLIENT_SECRET },
      serverUrl: 'http://127.0.0.1:9',
      transport,
      onEvent: (e) => events.push(e),
    });
    expect(result.ok && result.outputs).toEqual({ value: '«redacted»' });
    expect(seen).toHaveLength(1);
    expect(events.length).toBeGreaterThan(0);
    for (const text of [JSON.stringify(result.trace), JSON.stringify(events)]) {
      expect(text).not.toContain(SESSION);
      expect(text).not.toContain(CLIENT_SECRET);
    }
  });

  it('puts a static config value into the connection', async () => {
    const spec = tokenSpec();
    const auth = spec.authentication as Extract<ConnectorSpec['authentication'], { type: 'custom' }>;
    auth.configValues!.push({ key: 'tenant', label: 'Tenant', value: 'acme-eu' });
    spec.defaultHeaders = { 'X-Tenant': '${connection.tenant}' };
    const { seen, result } = await run(spec, { clientId: 'app-1', clientSecret: CLIENT_SECRET });
    expect(result.ok).toBe(true);
    expect(seen[1]!.headers['X-Tenant']).toBe('acme-eu');
  });
});

describe('several authentication methods', () => {
  function multiSpec(): ConnectorSpec {
    const spec = tokenSpec();
    spec.authentication = [
      { type: 'basic', key: 'basic', label: 'Username and password' },
      {
        type: 'custom',
        key: 'apiKey',
        label: 'API key',
        placement: 'header',
        name: 'X-Api-Key',
        value: '${connection.apiKey}',
      },
      {
        type: 'custom',
        key: 'queryKey',
        label: 'API key in the URL',
        placement: 'query',
        name: 'key',
        value: '${connection.apiKey}',
      },
    ];
    spec.connectionParameters = [{ key: 'apiKey', label: 'API key', type: 'password', required: false }];
    return spec;
  }
  const sent = async (connection: Record<string, string>) => {
    const { seen, transport } = recording(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"name":"n"}',
    }));
    const { result } = await getThing(multiSpec(), 'multi.yaml', connection, transport);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result.trace)).not.toContain('k-planted-42');
    expect(JSON.stringify(result.trace)).not.toContain('pw-planted-1');
    return seen[0]!;
  };
  const creds = { username: 'u', password: 'pw-planted-1', apiKey: 'k-planted-42' };

  it('is a valid spec', () => {
    expect(validateObject(multiSpec()).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('builds the header of the method the connection selected', async () => {
    const basic = await sent({ ...creds, selected_auth: 'basic' });
    expect(basic.headers['Authorization']).toBe(`Basic ${Buffer.from('u:pw-planted-1').toString('base64')}`);
    expect(basic.headers['X-Api-Key']).toBeUndefined();
    const key = await sent({ ...creds, selected_auth: 'apiKey' });
    expect(key.headers['X-Api-Key']).toBe('k-planted-42');
    expect(key.headers['Authorization']).toBeUndefined();
    expect(new URL(key.url).searchParams.get('key')).toBeNull();
    const inQuery = await sent({ ...creds, selected_auth: 'queryKey' });
    expect(new URL(inQuery.url).searchParams.get('key')).toBe('k-planted-42');
    expect(inQuery.headers['Authorization']).toBeUndefined();
    expect(inQuery.headers['X-Api-Key']).toBeUndefined();
  });

  it('uses the first method when the connection names none', async () => {
    const none = await sent(creds);
    expect(none.headers['Authorization']).toMatch(/^Basic /);
  });
});
