import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseForm } from '../../../src/mock/http/form.js';
import { listenLocal, type LocalServer } from '../../../src/mock/http/listen.js';
import {
  DEFAULT_CREDENTIALS as C,
  DEFAULT_MESSAGING_SERVICE_SID as MG,
} from '../../../src/mock/twilio/defaults.js';
import { call, create, messageUri, SMS, useMock } from './helpers.js';

interface Received {
  path: string;
  form: Record<string, string | string[]>;
  signature: string;
}

describe('message lifecycle and status callbacks (reference §2.3, §2.6, §8.6)', () => {
  const mock = useMock({ lifecycleStepMs: 1 });
  let receiver: LocalServer;
  const received: Received[] = [];
  beforeAll(async () => {
    receiver = await listenLocal((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          path: req.url ?? '',
          form: parseForm(Buffer.concat(chunks)),
          signature: String(req.headers['x-twilio-signature']),
        });
        res.end('ok');
      });
    });
  });
  afterAll(() => receiver.close());
  beforeEach(() => {
    mock().reset();
    received.length = 0;
  });
  const statuses = (sid: string) =>
    received.filter((r) => r.form.MessageSid === sid).map((r) => r.form.MessageStatus);

  it('SMS: queued → sending → sent → delivered, one form-encoded callback per step, signed', async () => {
    const cb = `${receiver.url}/status?x=1`;
    const { body } = await create(mock(), { ...SMS, StatusCallback: cb });
    expect(body.status).toBe('queued');
    await mock().settle();
    expect(statuses(body.sid)).toEqual(['sending', 'sent', 'delivered']);
    const last = received.at(-1)!;
    expect(last.form).toMatchObject({
      AccountSid: C.accountSid,
      From: '+15005550006',
      To: '+14155550100',
      SmsSid: body.sid,
      SmsStatus: 'delivered',
      ApiVersion: '2010-04-01',
    });
    expect(twilio.validateRequest(C.authToken, last.signature, cb, last.form)).toBe(true);
    const fetched = (await call(mock(), 'GET', messageUri(body.sid))).body;
    expect(fetched).toMatchObject({
      status: 'delivered',
      price: '-0.00790',
      price_unit: 'USD',
      error_code: null,
    });
    expect(mock().callbacks()).toHaveLength(3);
  });

  it('Messaging Service: accepted → queued (sender assigned) → … → delivered', async () => {
    const { body } = await create(mock(), {
      To: '+14155550100',
      MessagingServiceSid: MG,
      Body: 'hi',
      StatusCallback: `${receiver.url}/s`,
    });
    expect(body).toMatchObject({ status: 'accepted', from: null, num_segments: '0' });
    await mock().settle();
    expect(statuses(body.sid)).toEqual(['queued', 'sending', 'sent', 'delivered']);
    const m = mock()
      .messages()
      .find((x) => x.sid === body.sid)!;
    expect(m).toMatchObject({ from: '+15017122661', num_segments: '1', messaging_service_sid: MG });
    expect(received.at(-1)!.form.MessagingServiceSid).toBe(MG);
  });

  it('seeded delivery failures end undelivered / failed with error_code and error_message', async () => {
    const a = (await create(mock(), { ...SMS, To: '+14155550199', StatusCallback: `${receiver.url}/s` }))
      .body;
    const b = (await create(mock(), { ...SMS, To: '+14155550198' })).body;
    await mock().settle();
    expect(statuses(a.sid)).toEqual(['sending', 'sent', 'undelivered']);
    expect(received.at(-1)!.form.ErrorCode).toBe('30003');
    const [ma, mb] = [a, b].map((x) =>
      mock()
        .messages()
        .find((m) => m.sid === x.sid)!,
    );
    expect(ma).toMatchObject({
      status: 'undelivered',
      error_code: 30003,
      error_message: 'Unreachable destination handset',
    });
    expect(mb).toMatchObject({ status: 'failed', error_code: 30008 });
  });

  it('WhatsApp sandbox: joined recently delivers; never joined fails 63015; joined 2 days ago fails 63016 — asynchronously', async () => {
    const send = (to: string, extra: Record<string, string> = { Body: 'free-form' }) =>
      create(mock(), { To: `whatsapp:${to}`, From: 'whatsapp:+14155238886', ...extra });
    const ok = await send('+14155550100');
    const notJoined = await send('+14155550777');
    const stale = await send('+14155550101');
    const template = await send('+14155550101', { ContentSid: 'HX' + 'b'.repeat(32) });
    for (const r of [ok, notJoined, stale, template]) expect(r.status).toBe(201);
    await mock().settle();
    const final = (r: typeof ok) =>
      mock()
        .messages()
        .find((m) => m.sid === r.body.sid)!;
    expect(final(ok).status).toBe('delivered');
    expect(final(notJoined)).toMatchObject({
      status: 'failed',
      error_code: 63015,
      error_message: 'Channel Sandbox can only send messages to phone numbers that have joined the Sandbox',
    });
    expect(final(stale)).toMatchObject({ status: 'failed', error_code: 63016 });
    expect(final(stale).error_message).toBe(
      'Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.',
    );
    expect(final(template).status).toBe('delivered');
  });

  it('never posts callbacks off the machine; records them as skipped', async () => {
    const { body } = await create(mock(), { ...SMS, StatusCallback: 'https://example.com/hook' });
    await mock().settle();
    expect(
      mock()
        .callbacks()
        .every((c) => c.skipped === 'not-loopback'),
    ).toBe(true);
    expect(mock().callbacks()).toHaveLength(3);
    expect(
      mock()
        .messages()
        .find((m) => m.sid === body.sid)!.status,
    ).toBe('delivered');
  });

  it('scheduled messages can be canceled; others answer 30409', async () => {
    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    const s = (
      await create(mock(), {
        To: '+14155550100',
        MessagingServiceSid: MG,
        Body: 'x',
        ScheduleType: 'fixed',
        SendAt: sendAt,
      })
    ).body;
    const canceled = await call(mock(), 'POST', messageUri(s.sid), { Status: 'canceled' });
    expect(canceled.status).toBe(200);
    expect(canceled.body.status).toBe('canceled');
    const again = await call(mock(), 'POST', messageUri(s.sid), { Status: 'canceled' });
    expect(again.body).toMatchObject({
      code: 30409,
      message: 'This message cannot be canceled',
      status: 400,
    });
  });
});

describe('deleting a message mid-lifecycle', () => {
  const mock = useMock({ lifecycleStepMs: 150 });
  it('stops its lifecycle (no further transitions) and it is gone', async () => {
    const { body } = await create(mock(), { ...SMS, StatusCallback: 'http://127.0.0.1:9/cb' });
    expect((await call(mock(), 'DELETE', messageUri(body.sid))).status).toBe(204);
    await mock().settle();
    expect(mock().messages()).toEqual([]);
    expect(mock().callbacks()).toEqual([]);
    expect((await call(mock(), 'GET', messageUri(body.sid))).body).toMatchObject({
      code: 20404,
      message: `The requested resource ${messageUri(body.sid)} was not found`,
    });
  });
});
