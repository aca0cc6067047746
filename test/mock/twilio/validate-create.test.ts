import { describe, expect, it } from 'vitest';
import { DEFAULT_MESSAGING_SERVICE_SID as MG } from '../../../src/mock/twilio/defaults.js';
import { TWILIO_ERRORS } from '../../../src/mock/twilio/errors.js';
import type { TwilioSeed } from '../../../src/mock/twilio/seed.js';
import { create, SMS, useMock } from './helpers.js';

const HX = 'HX' + 'a'.repeat(32);

/** [what, form, code, exact message] — reference §3.2 wording, §8.4 order, §7 magic numbers. */
const cases: Array<[string, Record<string, string | string[]>, number, string]> = [
  ['no To', { From: '+15005550006', Body: 'x' }, 21604, "A 'To' phone number is required."],
  [
    'empty To beats everything else',
    { To: '', Body: 'x'.repeat(2000) },
    21604,
    "A 'To' phone number is required.",
  ],
  ['no From nor service', { To: '+14155550100', Body: 'x' }, 21603, "A 'From' phone number is required."],
  ['no content', { To: '+14155550100', From: '+15005550006' }, 21602, 'Message body is required.'],
  [
    '1601 characters',
    { ...SMS, Body: 'x'.repeat(1601) },
    21617,
    'The concatenated message body exceeds the 1600 character limit',
  ],
  ['variables without template', { ...SMS, ContentVariables: '{"1":"a"}' }, 92005, 'ContentSid Required'],
  ['bad template sid', { ...SMS, ContentSid: 'HX12' }, 21655, 'The ContentSid is Invalid'],
  [
    'variables not JSON',
    { ...SMS, ContentSid: HX, ContentVariables: '{1:' },
    21656,
    'The ContentVariables Parameter is invalid',
  ],
  [
    'invalid To checked before From',
    { To: '+1asd', From: 'nope!', Body: 'x' },
    21211,
    "The 'To' number +1asd is not a valid phone number.",
  ],
  [
    'magic invalid To',
    { ...SMS, To: '+15005550001' },
    21211,
    "The 'To' number +15005550001 is not a valid phone number.",
  ],
  [
    'invalid From',
    { ...SMS, From: 'Apple!' },
    21212,
    "The 'From' number Apple! is not a valid phone number, shortcode, or alphanumeric sender ID.",
  ],
  [
    'magic invalid From',
    { ...SMS, From: '+15005550001' },
    21212,
    "The 'From' number +15005550001 is not a valid phone number, shortcode, or alphanumeric sender ID.",
  ],
  [
    'SMS to WhatsApp',
    { ...SMS, To: 'whatsapp:+14155550100' },
    21910,
    "Invalid 'From' and 'To' pair. 'From' and 'To' should be of the same channel",
  ],
  [
    'unowned From',
    { ...SMS, From: '+14155559999' },
    21606,
    'The From phone number +14155559999 is not a valid, SMS-capable inbound phone number or short code for your account.',
  ],
  [
    'magic unowned From',
    { ...SMS, From: '+15005550007' },
    21606,
    'The From phone number +15005550007 is not a valid, SMS-capable inbound phone number or short code for your account.',
  ],
  [
    'magic queue full',
    { ...SMS, From: '+15005550008' },
    21611,
    "This 'From' number has exceeded the maximum number of queued messages",
  ],
  [
    'magic no permission',
    { ...SMS, To: '+15005550003' },
    21408,
    "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: +15005550003",
  ],
  ['magic blocked', { ...SMS, To: '+15005550004' }, 21610, 'Attempt to send to unsubscribed recipient'],
  [
    'magic unroutable',
    { ...SMS, To: '+15005550002' },
    21612,
    "The combination of 'To' and 'From' parameters on this message cannot be connected by Twilio at this time.",
  ],
  [
    'magic not mobile',
    { ...SMS, To: '+15005550009' },
    21614,
    'To number: +15005550009, is not a mobile number',
  ],
  [
    'unknown WhatsApp sender',
    { To: 'whatsapp:+14155550100', From: 'whatsapp:+14155550123', Body: 'x' },
    63007,
    'Twilio could not find a Channel with the specified From address',
  ],
  [
    'unknown service',
    { To: '+14155550100', MessagingServiceSid: 'MG' + '0'.repeat(32), Body: 'x' },
    21705,
    `The Messaging Service Sid MG${'0'.repeat(32)} is invalid.`,
  ],
  [
    'schedule too soon',
    {
      To: '+14155550100',
      MessagingServiceSid: MG,
      Body: 'x',
      ScheduleType: 'fixed',
      SendAt: new Date(Date.now() + 60_000).toISOString(),
    },
    35114,
    'Scheduling does not support this timestamp',
  ],
  [
    'schedule without service',
    { ...SMS, ScheduleType: 'fixed', SendAt: new Date(Date.now() + 3_600_000).toISOString() },
    35118,
    'MessagingServiceSid is required to schedule a message',
  ],
  [
    '11 media',
    { ...SMS, MediaUrl: Array.from({ length: 11 }, (_, i) => `https://e.x/${i}.png`) },
    21623,
    'Number of media files exceeds allowed limit',
  ],
  ['media not http', { ...SMS, MediaUrl: 'ftp://e.x/a.png' }, 21620, 'Invalid media URL(s)'],
  ['bad status callback', { ...SMS, StatusCallback: 'not a url' }, 21609, 'Invalid StatusCallback url'],
];

describe('create validation: Twilio codes, statuses, wording and order', () => {
  const mock = useMock();
  it.each(cases)('%s → %i', async (_what, form, code, message) => {
    const r = await create(mock(), form);
    expect(r.body).toEqual({
      code,
      message,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status: 400,
    });
    expect(r.status).toBe(400);
  });

  it('accepts what Twilio accepts: 1600 characters, short codes, unknown fields, repeated MediaUrl, templates', async () => {
    const forms: Array<Record<string, string | string[]>> = [
      { ...SMS, Body: 'é'.repeat(1600) },
      { ...SMS, MessageIntent: 'marketing', FallbackFrom: '+15005550006', Unknown: 'x' },
      { ...SMS, Body: '', MediaUrl: ['https://e.x/a.png', 'https://e.x/b.png'] },
      {
        To: 'whatsapp:+14155550100',
        From: 'whatsapp:+14155238886',
        ContentSid: HX,
        ContentVariables: '{"1":"a"}',
      },
    ];
    for (const form of forms) expect((await create(mock(), form)).status).toBe(201);
  });

  it('every error code the table defines has a 4xx/5xx status and a non-empty message', () => {
    for (const def of Object.values(TWILIO_ERRORS)) {
      expect(def.status).toBeGreaterThanOrEqual(400);
      expect(def.message.length).toBeGreaterThan(0);
    }
  });
});

describe('trial accounts and opted-out recipients', () => {
  const TRIAL = 'AC' + '2'.repeat(32);
  const seed: TwilioSeed = {
    accounts: [
      {
        sid: TRIAL,
        authToken: 'tok',
        trial: true,
        phoneNumbers: ['+15017122661'],
        verifiedNumbers: ['+14155550100', '+14155550111'],
        optedOut: ['+14155550111'],
      },
    ],
  };
  const mock = useMock({ seed });
  const auth = 'Basic ' + Buffer.from(`${TRIAL}:tok`).toString('base64');
  const post = (form: Record<string, string>) =>
    fetch(`${mock().url}/2010-04-01/Accounts/${TRIAL}/Messages.json`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code: number; message: string } }));

  it('21608 for an unverified number on a trial account, 201 for a verified one', async () => {
    const bad = await post({ To: '+14155550999', From: '+15017122661', Body: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(21608);
    expect(bad.body.message).toBe(
      'The number +14155550999 is unverified. Trial accounts cannot send messages to unverified numbers; verify +14155550999 at twilio.com/user/account/phone-numbers/verified, or purchase a Twilio number to send messages to unverified numbers',
    );
    expect((await post({ To: '+14155550100', From: '+15017122661', Body: 'x' })).status).toBe(201);
  });

  it('21610 for a seeded opted-out recipient', async () => {
    const r = await post({ To: '+14155550111', From: '+15017122661', Body: 'x' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 21610, message: 'Attempt to send to unsubscribed recipient' });
  });
});
