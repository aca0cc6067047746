import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listenLocal, readBody, type LocalServer } from '../../src/mock/http/index.js';
import { createEventHookReceiver } from '../../src/hooks/event-hook.js';
import { createIdSource } from '../../src/hooks/ids.js';
import { sendEventHook, sendTelephony } from '../../src/hooks/send.js';
import { buildTelephonyRequest } from '../../src/hooks/telephony-payload.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const seen: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
  seen.length = 0;
  server = await listenLocal((req, res) => {
    void readBody(req, { limit: 1 << 20, timeoutMs: 5000 }).then((b) => {
      seen.push({ headers: req.headers, body: b.toString('utf8') });
      handler(req, res, b.toString('utf8'));
    });
  });
  return server.url;
}

const request = buildTelephonyRequest({
  requestType: 'com.okta.user.telephony.mfa-verification',
  user: { userId: '00u1', login: 'a@example.com', firstName: 'A', lastName: 'B' },
  phoneNumber: '+14155550100',
  channel: 'SMS',
  now: new Date('2024-01-01T00:00:00Z'),
  ids: createIdSource('send-test'),
});

describe('sendTelephony', () => {
  it('posts the request with the client token header and judges an accepted answer', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        '{"commands":[{"type":"com.okta.telephony.action","value":[{"status":"PENDING","provider":"Twilio","transactionId":"SM1"}]}]}',
      );
    });
    const result = await sendTelephony({ url: url + '/hook', request, token: 'tok' });
    expect(seen[0]!.headers['x-api-client-token']).toBe('tok');
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]!.body)).toEqual(request);
    expect(result.verdict).toMatchObject({ verdict: 'accepted', status: 'PENDING', transactionId: 'SM1' });
  });

  it('uses a custom auth header name', async () => {
    const url = await serve((_req, res) => res.writeHead(401).end());
    const result = await sendTelephony({ url, request, token: 'tok', authHeader: 'Authorization' });
    expect(seen[0]!.headers.authorization).toBe('tok');
    expect(result.verdict).toMatchObject({ verdict: 'fallback', code: 'HTTP_STATUS' });
  });

  it('reports a late answer as a timeout, and an unreachable endpoint', async () => {
    const url = await serve((_req, res) => setTimeout(() => res.writeHead(200).end('{}'), 400));
    const late = await sendTelephony({ url, request, timeoutMs: 150, graceMs: 1000 });
    expect(late.verdict).toMatchObject({ verdict: 'fallback', code: 'TIMEOUT' });
    expect(late.answer.status).toBe(200); // answered, but after Okta gave up
    const gaveUp = await sendTelephony({ url, request, timeoutMs: 100, graceMs: 50 });
    expect(gaveUp.answer.timedOut).toBe(true);
    expect(gaveUp.verdict.reason).toMatch(/timeout/);
    await server!.close();
    const down = await sendTelephony({ url, request });
    expect(down.verdict).toMatchObject({ verdict: 'fallback', code: 'UNREACHABLE' });
    expect(down.verdict.reason).toMatch(/ECONNREFUSED/);
  });
});

describe('sendEventHook', () => {
  it('verifies, then delivers twice; the receiver drops the redelivered event', async () => {
    const receiver = createEventHookReceiver({ secret: 's3cret' });
    const outcomes: unknown[] = [];
    const url = await serve((req, res, body) => {
      const { reply, outcome } = receiver.handle({ method: req.method ?? '', headers: req.headers, body });
      outcomes.push(outcome);
      res.writeHead(reply.status, reply.headers).end(reply.body);
    });
    const result = await sendEventHook({
      url,
      secret: 's3cret',
      ids: createIdSource(1),
      now: new Date('2024-01-01T00:00:00Z'),
      resend: true,
    });
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => [s.kind, s.answer.status])).toEqual([
      ['verification', 200],
      ['delivery', 204],
      ['delivery', 204],
    ]);
    expect(outcomes[1]).toMatchObject({ kind: 'delivery', duplicates: 0 });
    expect(outcomes[2]).toMatchObject({ kind: 'delivery', duplicates: 1 });
    expect(seen[1]!.headers.authorization).toBe('s3cret');
  });

  it('fails when the secret is wrong', async () => {
    const receiver = createEventHookReceiver({ secret: 'right' });
    const url = await serve((req, res, body) => {
      const { reply } = receiver.handle({ method: req.method ?? '', headers: req.headers, body });
      res.writeHead(reply.status, reply.headers).end(reply.body);
    });
    const result = await sendEventHook({ url, secret: 'wrong', ids: createIdSource(2), now: new Date(0) });
    expect(result.ok).toBe(false);
    expect(result.steps[0]!.judgement.reason).toMatch(/HTTP 401/);
  });
});
