import { describe, expect, it } from 'vitest';
import { DEFAULT_MESSAGING_SERVICE_SID as MG } from '../../../src/mock/twilio/defaults.js';
import { call, create, MESSAGES, messageUri, SMS, useMock, type Reply } from './helpers.js';
import { loadValidators } from './schema.js';

const v = loadValidators();

/** Validates a reply by its kind (call() already does this for every reply; kept explicit here). */
function expectValid(r: Reply): void {
  const pick =
    r.status >= 400 ? v.error : r.status === 204 ? undefined : 'messages' in r.body ? v.list : v.message;
  if (r.status === 204) return expect(r.body).toBeUndefined();
  const ok = pick!(r.body);
  expect(ok, JSON.stringify(pick!.errors)).toBe(true);
  if (r.status >= 400) expect(r.body.status).toBe(r.status);
  expect(r.headers.get('content-type')).toBe('application/json');
}

describe('every mock response validates against twilio-oai plus a strict overlay (reference §5.3)', () => {
  const mock = useMock();

  it('the validators reject a wrong message and a message missing a field (negative controls)', () => {
    expect(
      v.message({ sid: 'XX123', status: 'bogus', date_created: '2020-01-01T00:00:00Z', error_code: '30007' }),
    ).toBe(false);
    expect(v.error({ code: 20404, message: 'x', status: 404 })).toBe(false);
  });

  it('creates (SMS, MMS, WhatsApp, Messaging Service, scheduled) answer 201 with all 20 fields', async () => {
    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    const replies = await Promise.all([
      create(mock(), SMS),
      create(mock(), { ...SMS, MediaUrl: ['https://e.x/a.png', 'https://e.x/b.png'] }),
      create(mock(), { To: 'whatsapp:+14155550100', From: 'whatsapp:+14155238886', Body: 'hi' }),
      create(mock(), { To: '+14155550100', MessagingServiceSid: MG, Body: 'via service' }),
      create(mock(), {
        To: '+14155550100',
        MessagingServiceSid: MG,
        Body: 'later',
        ScheduleType: 'fixed',
        SendAt: sendAt,
      }),
    ]);
    for (const r of replies) {
      expect(r.status).toBe(201);
      expectValid(r);
    }
    const [sms, mms, wa, svc, scheduled] = replies.map((r) => r.body);
    expect(sms.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sms).toMatchObject({
      status: 'queued',
      num_segments: '1',
      num_media: '0',
      price: null,
      direction: 'outbound-api',
    });
    expect(sms.date_created).toMatch(/ \+0000$/);
    expect(sms.uri).toBe(messageUri(sms.sid));
    expect(sms.subresource_uris).toEqual({ media: messageUri(sms.sid).replace('.json', '/Media.json') });
    expect(mms.sid).toMatch(/^MM[0-9a-f]{32}$/);
    expect(mms.num_media).toBe('2');
    expect(wa).toMatchObject({
      status: 'queued',
      from: 'whatsapp:+14155238886',
      to: 'whatsapp:+14155550100',
    });
    expect(svc).toMatchObject({
      status: 'accepted',
      from: null,
      messaging_service_sid: MG,
      num_segments: '0',
      date_sent: null,
    });
    expect(scheduled).toMatchObject({ status: 'scheduled', date_sent: null });
  });

  it('fetch, list, update, delete and their errors validate; lifecycle end states validate too', async () => {
    const a = (await create(mock(), SMS)).body;
    const b = (
      await create(mock(), { To: 'whatsapp:+14155550999', From: 'whatsapp:+14155238886', Body: 'x' })
    ).body;
    await mock().settle();
    const replies: Reply[] = [
      await call(mock(), 'GET', messageUri(a.sid)),
      await call(mock(), 'GET', messageUri(b.sid)),
      await call(mock(), 'GET', `${MESSAGES}?PageSize=2`),
      await call(mock(), 'GET', `${MESSAGES}?To=%2B14155550100&PageSize=1000`),
      await call(mock(), 'POST', messageUri(a.sid), { Body: '' }),
      await call(mock(), 'POST', messageUri(a.sid), { Status: 'canceled' }),
      await call(mock(), 'DELETE', messageUri(a.sid)),
      await call(mock(), 'GET', messageUri(a.sid)),
      await call(mock(), 'GET', `${MESSAGES}?PageToken=PAnope`),
      await call(mock(), 'GET', MESSAGES, undefined, null),
      await call(mock(), 'GET', '/2010-04-01/Accounts/AC11111111111111111111111111111111/Calls.json'),
      await create(mock(), {}),
      await create(mock(), { ...SMS, To: '+15005550009' }),
    ];
    for (const r of replies) expectValid(r);
    expect(replies.map((r) => r.status)).toEqual([
      200, 200, 200, 200, 200, 400, 204, 404, 400, 401, 404, 400, 400,
    ]);
    expect(replies[0]!.body).toMatchObject({ status: 'delivered', price_unit: 'USD' });
    expect(replies[1]!.body).toMatchObject({ status: 'failed', error_code: 63015 });
    expect(replies[4]!.body.body).toBe('');
  });
});
