import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEventHookReceiver } from '../../src/hooks/event-hook.js';
import { buildEventHookDelivery, judgeDelivery, judgeVerification } from '../../src/hooks/event-hook-send.js';
import { createIdSource } from '../../src/hooks/ids.js';
import { oktaHooksSample } from '../support/fixtures.js';

const sample = readFileSync(oktaHooksSample('event-hook-delivery.json'), 'utf8');
const secret = 'my-shared-secret';

describe('event hook receiver (reference §3.3)', () => {
  it('answers the verification GET by echoing the challenge', () => {
    const r = createEventHookReceiver({ secret });
    const { reply, outcome } = r.handle({
      method: 'GET',
      headers: {
        authorization: secret,
        'x-okta-verification-challenge': 'Me_rShK8JHsTnbyYrWXCEoMGbM_zsZ6k0hLPZ_Pg',
      },
      body: '',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(reply.body)).toEqual({ verification: 'Me_rShK8JHsTnbyYrWXCEoMGbM_zsZ6k0hLPZ_Pg' });
    expect(outcome).toEqual({ kind: 'verification', challenge: 'Me_rShK8JHsTnbyYrWXCEoMGbM_zsZ6k0hLPZ_Pg' });
  });

  it('rejects a wrong or missing Authorization secret with 401', () => {
    const r = createEventHookReceiver({ secret });
    for (const authorization of [undefined, 'other', `${secret} `]) {
      const { reply, outcome } = r.handle({ method: 'POST', headers: { authorization }, body: sample });
      expect(reply.status).toBe(401);
      expect(outcome.kind).toBe('rejected');
    }
    expect(r.seen()).toBe(0);
  });

  it("accepts Okta's sample delivery with an empty 204 and ignores a redelivered event", () => {
    const r = createEventHookReceiver({ secret });
    const first = r.handle({ method: 'POST', headers: { authorization: secret }, body: sample });
    expect(first.reply).toEqual({ status: 204, headers: {}, body: '' });
    expect(first.outcome).toMatchObject({
      kind: 'delivery',
      eventId: 'b5a188b9-5ece-4636-b041-482ffda96311',
      received: 1,
      duplicates: 0,
    });
    const again = r.handle({ method: 'POST', headers: { authorization: secret }, body: sample });
    expect(again.reply.status).toBe(204);
    expect(again.outcome).toMatchObject({ kind: 'delivery', received: 1, duplicates: 1, events: [] });
    expect(r.seen()).toBe(1);
  });

  it('dedupes within and across batches, forgetting the oldest beyond its memory', () => {
    const r = createEventHookReceiver({ secret, remember: 2 });
    const batch = (...uuids: string[]) =>
      JSON.stringify({ data: { events: uuids.map((uuid) => ({ uuid, eventType: 'user.session.start' })) } });
    const post = (body: string) =>
      r.handle({ method: 'POST', headers: { authorization: secret }, body }).outcome;
    expect(post(batch('a', 'b', 'a'))).toMatchObject({ received: 3, duplicates: 1 });
    expect(post(batch('c'))).toMatchObject({ duplicates: 0 });
    expect(post(batch('a'))).toMatchObject({ duplicates: 0 }); // "a" was forgotten (memory of 2)
  });

  it('rejects malformed deliveries and other methods', () => {
    const r = createEventHookReceiver({ secret });
    const h = { authorization: secret };
    expect(r.handle({ method: 'POST', headers: h, body: '{not json' }).reply.status).toBe(400);
    expect(r.handle({ method: 'POST', headers: h, body: '{"data":{}}' }).reply.status).toBe(400);
    expect(r.handle({ method: 'GET', headers: h, body: '' }).reply.status).toBe(400);
    expect(r.handle({ method: 'PUT', headers: h, body: '' }).reply.status).toBe(405);
  });
});

describe('event hook sender and judges', () => {
  it('builds a delivery with the keys of the sample and fresh ids', () => {
    const d = buildEventHookDelivery({
      ids: createIdSource('x'),
      now: new Date('2024-01-01T00:00:00Z'),
      count: 2,
    });
    const parsed = JSON.parse(sample) as Record<string, any>;
    expect(Object.keys(d)).toEqual(Object.keys(parsed));
    const events = (d.data as { events: Array<Record<string, unknown>> }).events;
    expect(events).toHaveLength(2);
    expect(Object.keys(events[0]!)).toEqual(Object.keys(parsed.data.events[0]));
    expect(events[0]!.uuid).not.toBe(events[1]!.uuid);
    expect(events[0]!.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('judges verification answers', () => {
    const ok = judgeVerification({ status: 200, body: '{"verification":"c1"}', elapsedMs: 10 }, 'c1');
    expect(ok.ok).toBe(true);
    expect(
      judgeVerification({ status: 200, body: '{"verification":"c2"}', elapsedMs: 10 }, 'c1').reason,
    ).toMatch(/does not echo the challenge \(got "c2"\)/);
    expect(judgeVerification({ status: 200, body: 'c1', elapsedMs: 10 }, 'c1').reason).toMatch(/not JSON/);
    expect(judgeVerification({ status: 401, body: '', elapsedMs: 10 }, 'c1').reason).toMatch(/HTTP 401/);
    expect(judgeVerification({ status: 200, body: '{"verification":"c1"}', elapsedMs: 3500 }, 'c1').ok).toBe(
      false,
    );
  });

  it('judges delivery answers: 200/204 within 3 s; 4xx not retried; 5xx and timeouts retried once', () => {
    expect(judgeDelivery({ status: 204, body: '', elapsedMs: 5 })).toMatchObject({ ok: true });
    expect(judgeDelivery({ status: 200, body: 'x', elapsedMs: 5 }).reason).toMatch(/should be empty/);
    expect(judgeDelivery({ status: 401, body: '', elapsedMs: 5 }).reason).toMatch(/does not retry a 4xx/);
    expect(judgeDelivery({ status: 503, body: '', elapsedMs: 5 }).reason).toMatch(/retries once/);
    expect(judgeDelivery({ elapsedMs: 5000, timedOut: true }).reason).toMatch(
      /timeout.*retries the delivery once/,
    );
    expect(judgeDelivery({ elapsedMs: 2, transportError: 'ECONNREFUSED' }).reason).toMatch(/ECONNREFUSED/);
  });
});
