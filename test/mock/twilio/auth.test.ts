import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS as C } from '../../../src/mock/twilio/defaults.js';
import type { TwilioSeed } from '../../../src/mock/twilio/seed.js';
import { call, C_AUTH_KEY, C_AUTH_TOKEN, MESSAGES } from './helpers.js';
import { useMock } from './helpers.js';

const OTHER = 'AC' + '3'.repeat(32);
const OTHER_KEY = 'SK' + '3'.repeat(32);
const TEST = 'AC' + '4'.repeat(32);
const basic = (u: string, p: string) => 'Basic ' + Buffer.from(`${u}:${p}`).toString('base64');
const seed: TwilioSeed = {
  accounts: [
    {
      sid: C.accountSid,
      authToken: C.authToken,
      apiKeys: [{ sid: C.apiKeySid, secret: C.apiKeySecret }],
      phoneNumbers: ['+15005550006'],
    },
    { sid: OTHER, authToken: 'other-token', apiKeys: [{ sid: OTHER_KEY, secret: 'other-secret' }] },
    { sid: TEST, authToken: 'test-token', testCredentials: true },
  ],
};

describe('auth (reference §4): Basic with AC+token or an owned SK key, else 401/20003', () => {
  const mock = useMock({ seed });

  it.each([
    ['account SID + auth token', C_AUTH_TOKEN],
    ['API key SID + secret', C_AUTH_KEY],
  ])('accepts %s', async (_n, auth) => {
    expect((await call(mock(), 'GET', MESSAGES, undefined, auth)).status).toBe(200);
  });

  it.each([
    ['no credentials', null, 'Authentication Error - No credentials provided'],
    ['wrong token', basic(C.accountSid, 'nope'), 'Authenticate'],
    ['wrong key secret', basic(C.apiKeySid, 'nope'), 'Authenticate'],
    ["another account's key", basic(OTHER_KEY, 'other-secret'), 'Authenticate'],
    ["another account's SID and token", basic(OTHER, 'other-token'), 'Authenticate'],
    ['unknown key', basic('SK' + '9'.repeat(32), 'x'), 'Authenticate'],
    ['not Basic', 'Bearer abc', 'Authenticate'],
    ['garbage', 'Basic !!!', 'Authenticate'],
  ])('rejects %s with 401, 20003 and WWW-Authenticate', async (_n, auth, message) => {
    const r = await call(mock(), 'GET', MESSAGES, undefined, auth);
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({
      code: 20003,
      message,
      status: 401,
      more_info: 'https://www.twilio.com/docs/errors/20003',
    });
    expect(r.headers.get('www-authenticate')).toBe('Basic realm="Twilio API"');
  });

  it('decides each request by its own header, whatever the header before it (the last decoding is kept)', async () => {
    const sequence: Array<[string, number]> = [
      [C_AUTH_KEY, 200],
      [basic(C.apiKeySid, 'nope'), 401],
      [C_AUTH_KEY, 200],
      [C_AUTH_KEY, 200],
      [basic(C.apiKeySid, C.apiKeySecret + 'x'), 401],
      [C_AUTH_TOKEN, 200],
      [basic(OTHER_KEY, 'other-secret'), 401],
      [C_AUTH_TOKEN, 200],
    ];
    const statuses: number[] = [];
    for (const [auth] of sequence)
      statuses.push((await call(mock(), 'GET', MESSAGES, undefined, auth)).status);
    expect(statuses).toEqual(sequence.map(([, status]) => status));
  });

  it('a path account nobody has credentials for is a 401, not a leak of its existence', async () => {
    const r = await call(mock(), 'GET', `/2010-04-01/Accounts/${'AC' + '5'.repeat(32)}/Messages.json`);
    expect(r.status).toBe(401);
  });

  it('records the username only, never the secret', async () => {
    await call(mock(), 'GET', MESSAGES, undefined, C_AUTH_KEY);
    const rec = mock().requests().at(-1)!;
    expect(rec.headers.authorization).toBe(`Basic <redacted:${C.apiKeySid}>`);
    expect(rec.authUser).toBe(C.apiKeySid);
    expect(JSON.stringify(mock().requests())).not.toContain(C.apiKeySecret);
    expect(JSON.stringify(mock().requests())).not.toContain(C.authToken);
  });

  it('test credentials may only create (403/20008 otherwise) and only +15005550006 is a valid From', async () => {
    const auth = basic(TEST, 'test-token');
    const path = `/2010-04-01/Accounts/${TEST}/Messages.json`;
    const ok = await call(
      mock(),
      'POST',
      path,
      { To: '+14155550100', From: '+15005550006', Body: 'x' },
      auth,
    );
    expect(ok.status).toBe(201);
    const other = await call(
      mock(),
      'POST',
      path,
      { To: '+14155550100', From: '+15017122661', Body: 'x' },
      auth,
    );
    expect(other.body.code).toBe(21606);
    const list = await call(mock(), 'GET', path, undefined, auth);
    expect(list.status).toBe(403);
    expect(list.body).toMatchObject({
      code: 20008,
      message: 'Resource not accessible with Test Account Credentials',
    });
    await mock().settle();
    expect(mock().messages(TEST)[0]!.status).toBe('queued'); // no lifecycle, no callbacks with test credentials
  });
});
