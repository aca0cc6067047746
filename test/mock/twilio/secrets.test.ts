import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOkta, SEED_USER_IDS } from '../../../src/mock/okta/index.js';
import { DEFAULT_CREDENTIALS as C } from '../../../src/mock/twilio/defaults.js';
import { C_AUTH_KEY, C_AUTH_TOKEN, MESSAGES, useMock } from './helpers.js';

/** Distinctive secrets, one per place a credential can travel to the mock. */
const S = {
  basicWrong: 'planted-basic-wrong-01',
  bearer: 'planted-bearer-token-02',
  stripeKey: 'planted-stripe-key-03',
  qApiKey: 'planted-q-api-key-04',
  qToken: 'planted-q-token-05',
  qAccessToken: 'planted-q-access-token-06',
  qPassword: 'planted-q-password-07',
  qSecret: 'planted-q-secret-08',
  qMixedCase: 'planted-q-mixed-case-09',
  fPassword: 'planted-f-password-10',
  fAuthToken: 'planted-f-authtoken-11',
  fClientSecret: 'planted-f-client-secret-12',
  hCustomAuth: 'planted-h-custom-auth-13',
  hApiKey: 'planted-h-api-key-14',
  hAuthToken: 'planted-h-auth-token-15',
  hCookie: 'planted-h-cookie-16',
  hProxy: 'planted-h-proxy-17',
  declaredHeader: 'planted-declared-header-18',
  declaredQuery: 'planted-declared-query-19',
  declaredField: 'planted-declared-field-20',
  connection: 'planted-connection-secret-21',
} as const;
const SEEDED = [C.authToken, C.apiKeySecret];
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Sends a request with any headers (fetch cannot set Cookie or Proxy-Authorization freely). */
function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('no credential reaches the request log, /__mock/requests or the console log', () => {
  const lines: string[] = [];
  const mock = useMock({
    log: (l) => lines.push(l),
    credentialLocations: [
      { in: 'header', name: 'X-Tenant-Pass' },
      { in: 'query', name: 'k' },
      { in: 'body', name: 'pin' },
    ],
    secrets: [S.connection],
  });

  beforeAll(async () => {
    const url = mock().url;
    const query = new URLSearchParams({
      api_key: S.qApiKey,
      token: S.qToken,
      access_token: S.qAccessToken,
      password: S.qPassword,
      secret: S.qSecret,
      'Api-Key': S.qMixedCase,
      k: S.declaredQuery,
      execution_id: 'exec-42',
      Page: '0',
    });
    const form = new URLSearchParams({
      To: '+14155550100',
      From: '+15005550006',
      Body: `your key is ${S.hCustomAuth}`, // a learned secret travelling in an unrelated field too
      password: S.fPassword,
      AuthToken: S.fAuthToken,
      client_secret: S.fClientSecret,
      pin: S.declaredField,
      requestType: 'com.okta.telephony.provider',
    }).toString();
    const created = await send(
      `${url}${MESSAGES}?${query}`,
      'POST',
      {
        authorization: C_AUTH_KEY,
        'content-type': 'application/x-www-form-urlencoded',
        'x-custom-auth': S.hCustomAuth,
        'x-api-key': S.hApiKey,
        'x-auth-token': S.hAuthToken,
        cookie: `session=${S.hCookie}`,
        'proxy-authorization': `Basic ${b64(`proxy:${S.hProxy}`)}`,
        'x-tenant-pass': S.declaredHeader,
      },
      form,
    );
    expect(created).toBe(201);
    const get = (path: string, authorization: string) => send(`${url}${path}`, 'GET', { authorization });
    expect(await get(MESSAGES, `Basic ${b64(`${C.apiKeySid}:${S.basicWrong}`)}`)).toBe(401);
    expect(await get(MESSAGES, `Bearer ${S.bearer}`)).toBe(401);
    expect(await get(MESSAGES, `Basic ${b64(`${S.stripeKey}:`)}`)).toBe(401);
    expect(await get(MESSAGES, C_AUTH_TOKEN)).toBe(200);
    expect(await get(`/2010-04-01/Accounts/${S.connection}/Messages.json`, C_AUTH_KEY)).toBe(401);
  });

  const planted = [...Object.values(S), ...SEEDED];
  const expectClean = (text: string) => {
    for (const secret of planted) expect(text, secret).not.toContain(secret);
    for (const secret of planted) expect(text, `base64 of ${secret}`).not.toContain(b64(secret).slice(0, 16));
  };

  it('requests(): every planted secret hidden, by location, name and value', () => {
    expectClean(JSON.stringify(mock().requests()));
  });

  it('GET /__mock/requests: the same', async () => {
    const text = await (await fetch(`${mock().url}/__mock/requests`)).text();
    expect(JSON.parse(text).requests).toHaveLength(6);
    expectClean(text);
  });

  it('the console log: the same (the path with a known secret in it is masked)', () => {
    expect(lines).toHaveLength(6);
    expectClean(lines.join('\n'));
    expect(lines.at(-1)).toMatch(/^GET \/2010-04-01\/Accounts\/<redacted>\/Messages\.json 401 \d+ms$/);
  });

  it('unrelated values stay readable', () => {
    const first = mock().requests()[0]!;
    expect(first.query).toMatchObject({
      execution_id: 'exec-42',
      Page: '0',
      api_key: '<redacted>',
      k: '<redacted>',
    });
    expect(first.form).toMatchObject({
      To: '+14155550100',
      From: '+15005550006',
      Body: 'your key is <redacted>',
      requestType: 'com.okta.telephony.provider',
      pin: '<redacted>',
    });
    expect(first.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(first.headers.authorization).toBe(`Basic <redacted:${C.apiKeySid}>`);
    expect(first.authUser).toBe(C.apiKeySid);
  });
});

describe('mock Okta: the same for its log', () => {
  it('hides the token and credential headers, keeps the path', async () => {
    const lines: string[] = [];
    const okta = await startMockOkta({ log: (l) => lines.push(l) });
    try {
      const status = await send(`${okta.url}/api/v1/users/${SEED_USER_IDS.sms}`, 'GET', {
        authorization: `SSWS ${S.bearer}`,
        'x-api-key': S.hApiKey,
      });
      expect(status).toBe(401);
      const text = JSON.stringify(okta.requests()) + lines.join('\n');
      for (const secret of [S.bearer, S.hApiKey]) expect(text).not.toContain(secret);
      expect(okta.requests()[0]).toMatchObject({ path: `/api/v1/users/${SEED_USER_IDS.sms}`, status: 401 });
    } finally {
      await okta.close();
    }
  });
});

describe('control endpoints refuse what a web page could send', () => {
  const mock = useMock();
  let url: string;
  beforeAll(() => {
    url = mock().url;
  });
  afterAll(() => mock().reset());

  it('a simple cross-origin POST (form or text/plain) cannot reset or poison the mock', async () => {
    await send(
      `${url}${MESSAGES}`,
      'POST',
      {
        authorization: C_AUTH_KEY,
        'content-type': 'application/x-www-form-urlencoded',
      },
      'To=%2B14155550100&From=%2B15005550006&Body=keep',
    );
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x'])
      expect(await send(`${url}/__mock/reset`, 'POST', { 'content-type': type }, 'x')).toBe(415);
    expect(
      await send(`${url}/__mock/faults`, 'POST', { 'content-type': 'text/plain' }, '{"kind":"timeout"}'),
    ).toBe(415);
    expect(mock().messages()).toHaveLength(1);
    expect((await (await fetch(`${url}/__mock/faults`)).json()) as unknown).toEqual({ faults: [] });
  });

  it('a request whose Host is not the mock (DNS rebinding) is refused, reads included', async () => {
    const json = { 'content-type': 'application/json' };
    expect(await send(`${url}/__mock/reset`, 'POST', { ...json, host: 'evil.example' })).toBe(403);
    expect(await send(`${url}/__mock/requests`, 'GET', { host: `evil.example:${mock().port}` })).toBe(403);
    expect(mock().messages()).toHaveLength(1);
    expect(await send(`${url}/__mock/health`, 'GET', { host: `localhost:${mock().port}` })).toBe(200);
    expect(await send(`${url}/__mock/reset`, 'POST', json)).toBe(204);
    expect(mock().messages()).toHaveLength(0);
  });
});
