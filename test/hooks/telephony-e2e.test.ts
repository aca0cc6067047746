import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeFlopack } from '../../src/flopack/serialize.js';
import { createIdSource } from '../../src/hooks/ids.js';
import { sendHookRequest } from '../../src/hooks/http-client.js';
import { sendEventHook, sendTelephony } from '../../src/hooks/send.js';
import type { HookRequestReport } from '../../src/hooks/serve.js';
import { startServe, type ServeHandle } from '../../src/hooks/serve-runtime.js';
import { loadServedFlows } from '../../src/hooks/served-flows.js';
import { generateTelephonyFolder } from '../../src/hooks/telephony-flow.js';
import { buildTelephonyRequest, type TelephonyRequestInput } from '../../src/hooks/telephony-payload.js';
import { judgeTelephonyAnswer } from '../../src/hooks/telephony-verdict.js';
import { OKTA_SEED, SEED_USER_IDS } from '../../src/mock/okta/index.js';
import { DEFAULT_CREDENTIALS } from '../../src/mock/twilio/index.js';
import { loadValidSpec } from '../../src/spec/validate.js';

// The whole path: Okta's request → hook serve endpoint → generated flow in the simulator → mock Okta + mock
// Twilio over loopback → the answer → Okta's verdict.
const specPath = new URL('../../connectors/twilio/connector.yaml', import.meta.url).pathname;
const token = 'c'.repeat(64);
let dir: string;
let serve: ServeHandle;
let invokeUrl: string;
const reports: HookRequestReport[] = [];

beforeAll(async () => {
  const { spec } = await loadValidSpec(specPath);
  const { flopack } = generateTelephonyFolder({ spec, accountSid: DEFAULT_CREDENTIALS.accountSid });
  dir = await mkdtemp(join(tmpdir(), 'hook-e2e-'));
  await writeFile(join(dir, 'twilio-telephony-hook.folder'), serializeFlopack(flopack));
  const flows = await loadServedFlows([dir], process.cwd());
  serve = await startServe({
    flows,
    clientToken: token,
    eventHook: { secret: 'event-secret' },
    onReport: (r) => reports.push(r),
  });
  invokeUrl = serve.server.endpoints[0]!.invokeUrl;
});

afterAll(async () => {
  await serve?.close();
  await rm(dir, { recursive: true, force: true });
});

function request(userId: string, extra: Partial<TelephonyRequestInput> = {}) {
  const seeded = OKTA_SEED.users.find((u) => u.id === userId);
  return buildTelephonyRequest({
    requestType: 'com.okta.user.telephony.mfa-verification',
    user: {
      userId,
      login: seeded?.profile.login ?? 'x@example.com',
      firstName: seeded?.profile.firstName ?? 'X',
      lastName: seeded?.profile.lastName ?? 'Y',
    },
    phoneNumber: '+14155550100',
    channel: 'SMS',
    now: new Date('2024-05-01T12:00:00Z'),
    ids: createIdSource(`${userId}-${reports.length}`),
    ...extra,
  });
}

const lastMessage = () => serve.mocks!.twilio.messages().at(-1)!;

describe('telephony inline hook, end to end', () => {
  it('sends by WhatsApp to the profile phone when the user opted in; Okta accepts PENDING with the SID', async () => {
    const req = request(SEED_USER_IDS.whatsapp);
    const { verdict } = await sendTelephony({ url: invokeUrl, request: req, token });
    expect(verdict).toMatchObject({
      verdict: 'accepted',
      status: 'PENDING',
      provider: 'Twilio',
      transactionMetadata: 'channel=whatsapp;status=queued',
    });
    const msg = lastMessage();
    expect(verdict.verdict === 'accepted' && verdict.transactionId).toBe(msg.sid);
    expect(msg.to).toBe('whatsapp:+14155550100');
    expect(msg.from).toBe('whatsapp:+14155238886');
    expect(msg.body).toBe(req.data.messageProfile.msgTemplate);
    const okta = serve.mocks!.okta.requests().at(-1)!;
    expect(okta.path).toBe(`/api/v1/users/${SEED_USER_IDS.whatsapp}`);
    expect(okta.headers.authorization).toBe('SSWS <redacted>');
  });

  it('sends by SMS to the hook phone when not opted in, keeping + and & intact in the form body', async () => {
    const template = 'Code 123456 + "quoted" & 100% yours';
    const req = request(SEED_USER_IDS.sms, { phoneNumber: '+14155550101', msgTemplate: template });
    const { verdict } = await sendTelephony({ url: invokeUrl, request: req, token });
    expect(verdict).toMatchObject({ verdict: 'accepted', transactionMetadata: 'channel=sms;status=queued' });
    const msg = lastMessage();
    expect([msg.to, msg.from, msg.body]).toEqual(['+14155550101', '+15005550006', template]);
  });

  it('uses SMS for a user without a mobile phone, for all four request types', async () => {
    for (const type of ['pre-enrollment', 'mfa-verification', 'account-unlock', 'password-reset'] as const) {
      const req = request(SEED_USER_IDS.noPhone, { requestType: `com.okta.user.telephony.${type}` });
      const { verdict } = await sendTelephony({ url: invokeUrl, request: req, token });
      expect(verdict.verdict).toBe('accepted');
      expect(lastMessage().to).toBe('+14155550100');
    }
  });

  it("answers Twilio's error as an error object, valid JSON even with a quote in the phone number", async () => {
    const phone = '+1415"555';
    const { answer, verdict } = await sendTelephony({
      url: invokeUrl,
      request: request(SEED_USER_IDS.sms, { phoneNumber: phone }),
      token,
    });
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body!) as {
      error: { errorSummary: string; errorCauses: Array<{ reason: string }> };
    };
    expect(body.error.errorSummary).toBe(`Failed to deliver SMS OTP to ${phone}`);
    expect(body.error.errorCauses[0]!.reason).toBe(`The 'To' number ${phone} is not a valid phone number.`);
    expect(verdict).toMatchObject({ verdict: 'fallback', code: 'ERROR_OBJECT' });
  });

  it('leaves voice calls to Okta with an error object', async () => {
    const { verdict } = await sendTelephony({
      url: invokeUrl,
      request: request(SEED_USER_IDS.sms, { channel: 'voice call' }),
      token,
    });
    expect(verdict).toMatchObject({ verdict: 'fallback', code: 'ERROR_OBJECT' });
    expect(verdict.reason).toContain('voice call');
  });

  it('refuses a wrong client token with 401 before the flow runs; Okta falls back', async () => {
    const before = serve.mocks!.twilio.messages().length;
    const { verdict } = await sendTelephony({
      url: invokeUrl,
      request: request(SEED_USER_IDS.sms),
      token: 'd'.repeat(64),
    });
    expect(verdict).toMatchObject({ verdict: 'fallback', code: 'HTTP_STATUS' });
    expect(serve.mocks!.twilio.messages().length).toBe(before);
    expect(reports.at(-1)).toMatchObject({ status: 401, detail: 'wrong client token' });
  });

  it('answers a malformed payload with a non-200 status; Okta falls back', async () => {
    const send = (body: string) =>
      sendHookRequest({
        method: 'POST',
        url: invokeUrl,
        headers: { 'x-api-client-token': token },
        body,
        giveUpMs: 5000,
      });
    const notJson = judgeTelephonyAnswer(await send('{"data": {'));
    expect(notJson).toMatchObject({ verdict: 'fallback', code: 'HTTP_STATUS' });
    expect(reports.at(-1)).toMatchObject({ status: 400, detail: 'malformed JSON body' });
    const noUser = judgeTelephonyAnswer(await send(JSON.stringify({ data: { messageProfile: {} } })));
    expect(noUser).toMatchObject({ verdict: 'fallback', code: 'HTTP_STATUS' });
    expect(reports.at(-1)!.detail).toMatch(/flow failed at card "Read User"/);
    const unknown = await sendTelephony({ url: invokeUrl, request: request('00unobody00000000000'), token });
    expect(unknown.answer.status).toBe(500);
    expect(reports.at(-1)!.detail).toContain('Not found: Resource not found: 00unobody00000000000 (User)');
  });

  it("times out when the provider is slow: over Okta's 3 s budget, Okta falls back", async () => {
    serve.mocks!.twilio.addFault({ route: 'messages.create', kind: 'slow', delayMs: 3200, times: 1 });
    const { verdict, answer } = await sendTelephony({
      url: invokeUrl,
      request: request(SEED_USER_IDS.sms),
      token,
      graceMs: 1000,
    });
    expect(verdict).toMatchObject({ verdict: 'fallback', code: 'TIMEOUT' });
    expect(answer.elapsedMs).toBeGreaterThan(3000);
    await serve.server.settle();
    await new Promise((r) => setTimeout(r, 50));
    expect(reports.at(-1)).toMatchObject({ kind: 'invoke', overBudget: true });
  });
});

describe('event hook, end to end', () => {
  it('verifies, accepts a delivery, and ignores its redelivery', async () => {
    const result = await sendEventHook({
      url: serve.server.eventHookUrl!,
      secret: 'event-secret',
      ids: createIdSource('events'),
      now: new Date('2024-05-01T12:00:00Z'),
      count: 2,
      resend: true,
    });
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.judgement.ok)).toEqual([true, true, true]);
    const details = reports.filter((r) => r.kind === 'event-hook').map((r) => r.detail);
    expect(details).toEqual([
      'verification challenge answered',
      '2 event(s), 0 duplicate(s) ignored',
      '2 event(s), 2 duplicate(s) ignored',
    ]);
  });

  it('refuses a delivery with the wrong secret', async () => {
    const result = await sendEventHook({
      url: serve.server.eventHookUrl!,
      secret: 'nope',
      ids: createIdSource('bad'),
      now: new Date(0),
      skipVerification: true,
    });
    expect(result.ok).toBe(false);
    expect(result.steps[0]!.judgement.reason).toMatch(/HTTP 401; Okta does not retry a 4xx/);
  });
});
