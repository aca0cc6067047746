import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_OKTA_TOKEN,
  SEED_USER_IDS,
  startMockOkta,
  type MockOkta,
} from '../../../src/mock/okta/index.js';

let mock: MockOkta | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function get(path: string, auth: string | null = `SSWS ${DEFAULT_OKTA_TOKEN}`) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (auth !== null) headers.Authorization = auth;
  const res = await fetch(mock!.url + path, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('mock Okta Users API', () => {
  it('returns a seeded user by id with profile attributes', async () => {
    mock = await startMockOkta();
    const { status, body } = await get(`/api/v1/users/${SEED_USER_IDS.whatsapp}`);
    expect(status).toBe(200);
    expect(body.id).toBe(SEED_USER_IDS.whatsapp);
    expect(body.status).toBe('ACTIVE');
    expect(body.profile.whatsappOTP).toBe(true);
    expect(body.profile.mobilePhone).toBe('+14155550100');
    expect(body._links.self.href).toBe(`${mock.url}/api/v1/users/${SEED_USER_IDS.whatsapp}`);
  });

  it('finds a user by login (URL-encoded) and covers the no-phone and SMS cases', async () => {
    mock = await startMockOkta();
    const byLogin = await get('/api/v1/users/' + encodeURIComponent('Sam.Sms@example.com'));
    expect(byLogin.body.id).toBe(SEED_USER_IDS.sms);
    expect(byLogin.body.profile.whatsappOTP).toBe(false);
    const noPhone = await get(`/api/v1/users/${SEED_USER_IDS.noPhone}`);
    expect(noPhone.body.profile.mobilePhone).toBeNull();
  });

  it('answers 401 E0000011 without or with a wrong SSWS token, and redacts the header in the log', async () => {
    mock = await startMockOkta();
    for (const auth of [null, 'SSWS wrong', `Bearer ${DEFAULT_OKTA_TOKEN}`]) {
      const { status, body } = await get(`/api/v1/users/${SEED_USER_IDS.sms}`, auth);
      expect(status).toBe(401);
      expect(body).toMatchObject({
        errorCode: 'E0000011',
        errorSummary: 'Invalid token provided',
        errorCauses: [],
      });
      expect(body.errorLink).toBe('E0000011');
      expect(body.errorId).toMatch(/^oae/);
    }
    const logged = JSON.stringify(mock.requests());
    expect(logged).not.toContain('wrong');
    expect(logged).toContain('SSWS <redacted>');
  });

  it('answers 404 E0000007 for an unknown user and 405 for other methods', async () => {
    mock = await startMockOkta();
    const { status, body } = await get('/api/v1/users/00unknown');
    expect(status).toBe(404);
    expect(body.errorCode).toBe('E0000007');
    expect(body.errorSummary).toBe('Not found: Resource not found: 00unknown (User)');
    const post = await fetch(`${mock.url}/api/v1/users/${SEED_USER_IDS.sms}`, {
      method: 'POST',
      headers: { Authorization: `SSWS ${DEFAULT_OKTA_TOKEN}` },
      body: '{}',
    });
    expect(post.status).toBe(405);
  });

  it('accepts a custom token and applies faults a limited number of times', async () => {
    mock = await startMockOkta({ token: 'custom' });
    mock.addFault({ status: 429, times: 1 });
    expect((await get(`/api/v1/users/${SEED_USER_IDS.sms}`, 'SSWS custom')).status).toBe(429);
    expect((await get(`/api/v1/users/${SEED_USER_IDS.sms}`, 'SSWS custom')).status).toBe(200);
    expect(mock.requests().map((r) => r.status)).toEqual([429, 200]);
  });
});
