import { afterEach, describe, expect, it } from 'vitest';
import { flowAlias } from '../../src/hooks/alias.js';
import {
  startHookServer,
  type EndpointRequest,
  type HookRequestReport,
  type HookServer,
} from '../../src/hooks/serve.js';
import type { FlowResult } from '../../src/simulate/types.js';

let server: HookServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const token = 'a'.repeat(64);
const alias = flowAlias('8d4c7f8e-0000-4000-8000-000000000001');

async function start(
  run: (req: EndpointRequest) => Promise<FlowResult>,
  extra: { forward?: typeof run } = {},
) {
  const reports: HookRequestReport[] = [];
  const seen: EndpointRequest[] = [];
  const endpoint = { alias, name: 'Telephony', run: (r: EndpointRequest) => (seen.push(r), run(r)) };
  server = await startHookServer({
    endpoints: [endpoint],
    clientToken: token,
    eventHook: {
      secret: 'shh',
      forward: extra.forward ? { alias: flowAlias('fwd'), name: 'Events', run: extra.forward } : undefined,
    },
    onReport: (r) => reports.push(r),
  });
  return { reports, seen, invoke: server.endpoints[0]!.invokeUrl };
}

const raw = (body: string, statusCode = 200): FlowResult => ({
  ok: true,
  outputs: {},
  raw: { statusCode, headers: { 'Content-Type': 'application/json' }, body },
  steps: 3,
  trace: [],
});

describe('hook serve', () => {
  it('lists a 32-hex alias and runs the flow for a request with the token header, answering its Return Raw', async () => {
    const { reports, seen, invoke } = await start(async () => raw('{"ok":true}'));
    expect(invoke).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/flo\/[0-9a-f]{32}\/invoke$/);
    const res = await fetch(invoke + '?x=1', {
      method: 'POST',
      headers: { 'x-api-client-token': token, 'Content-Type': 'application/json' },
      body: '{"requestType":"r"}',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.text()).toBe('{"ok":true}');
    expect(seen[0]).toMatchObject({ method: 'POST', rawQuery: 'x=1', json: { requestType: 'r' } });
    expect(seen[0]!.headers['x-api-client-token']).toBeUndefined();
    expect(reports[0]).toMatchObject({
      kind: 'invoke',
      status: 200,
      endpoint: 'Telephony',
      overBudget: false,
    });
    expect(reports[0]!.budgetMs).toBe(3000);
  });

  it('accepts the token as the clientToken query and never reports it', async () => {
    const { reports, seen, invoke } = await start(async () => raw('{}'));
    const res = await fetch(`${invoke}?clientToken=${token}`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    expect(seen[0]!.rawQuery).toBe('');
    expect(JSON.stringify(reports)).not.toContain(token);
  });

  it('refuses a missing or wrong token with 401 without running the flow', async () => {
    const { reports, seen, invoke } = await start(async () => raw('{}'));
    const variants: Array<Record<string, string>> = [
      {},
      { 'x-api-client-token': 'b'.repeat(64) },
      { Authorization: token },
    ];
    for (const headers of variants) {
      const res = await fetch(invoke, { method: 'POST', headers, body: '{}' });
      expect(res.status).toBe(401);
    }
    expect(seen).toHaveLength(0);
    expect(reports.map((r) => r.detail)).toEqual([
      'no client token',
      'wrong client token',
      'no client token',
    ]);
  });

  it('answers 400 for a malformed JSON body, 404 for an unknown alias, 405 for other methods', async () => {
    const { seen, invoke } = await start(async () => raw('{}'));
    const h = { 'x-api-client-token': token };
    expect((await fetch(invoke, { method: 'POST', headers: h, body: '{"data":' })).status).toBe(400);
    expect((await fetch(invoke.replace(alias, '0'.repeat(32)), { method: 'POST', headers: h })).status).toBe(
      404,
    );
    expect((await fetch(invoke, { method: 'PUT', headers: h, body: '{}' })).status).toBe(405);
    expect(seen).toHaveLength(0);
  });

  it('maps a failed flow to 500 (or its Return Error status) and reports budget overruns', async () => {
    let n = 0;
    const { reports, invoke } = await start(async () => {
      n += 1;
      if (n === 1)
        return { ok: false, error: { message: 'boom', kind: 'card-failed', flow: 'T' }, steps: 1, trace: [] };
      if (n === 2)
        return {
          ok: false,
          error: { message: 'bad', kind: 'return-error', statusCode: 422, flow: 'T' },
          steps: 1,
          trace: [],
        };
      await new Promise((r) => setTimeout(r, 60));
      return raw('{}');
    });
    const h = { 'x-api-client-token': token };
    const r1 = await fetch(invoke, { method: 'POST', headers: h, body: '{}' });
    expect([r1.status, await r1.json()]).toEqual([500, { error: 'boom' }]);
    expect((await fetch(invoke, { method: 'POST', headers: h, body: '{}' })).status).toBe(422);
    await server!.close();
    server = await startHookServer({
      endpoints: [
        { alias, name: 'Slow', run: async () => (await new Promise((r) => setTimeout(r, 80)), raw('{}')) },
      ],
      clientToken: token,
      budgetMs: 50,
      onReport: (r) => reports.push(r),
    });
    await fetch(server.endpoints[0]!.invokeUrl, { method: 'POST', headers: h, body: '{}' });
    expect(reports.at(-1)).toMatchObject({ status: 200, overBudget: true, budgetMs: 50 });
    expect(reports.at(-1)!.durationMs).toBeGreaterThanOrEqual(80);
  });

  it('verifies an event hook and forwards only new events of a delivery to the forward flow', async () => {
    const forwarded: unknown[] = [];
    const { reports } = await start(async () => raw('{}'), {
      forward: async (req) => (forwarded.push(req.json), raw('')),
    });
    const url = server!.eventHookUrl!;
    const v = await fetch(url, { headers: { Authorization: 'shh', 'X-Okta-Verification-Challenge': 'abc' } });
    expect(await v.json()).toEqual({ verification: 'abc' });
    const delivery = JSON.stringify({ eventId: 'e1', data: { events: [{ uuid: 'u1' }, { uuid: 'u2' }] } });
    const post = () => fetch(url, { method: 'POST', headers: { Authorization: 'shh' }, body: delivery });
    expect((await post()).status).toBe(204);
    expect((await post()).status).toBe(204);
    await server!.settle();
    expect(forwarded).toEqual([{ eventId: 'e1', data: { events: [{ uuid: 'u1' }, { uuid: 'u2' }] } }]);
    expect(reports.filter((r) => r.kind === 'event-hook').map((r) => r.detail)).toEqual([
      'verification challenge answered',
      '2 event(s), 0 duplicate(s) ignored',
      '2 event(s), 2 duplicate(s) ignored',
    ]);
    expect(reports.find((r) => r.kind === 'event-forward')).toMatchObject({
      endpoint: 'Events',
      status: 200,
    });
    const wrong = await fetch(url, { method: 'POST', headers: { Authorization: 'nope' }, body: delivery });
    expect(wrong.status).toBe(401);
  });
});
