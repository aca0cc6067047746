import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS as C } from '../../../src/mock/twilio/defaults.js';
import { call, create, SMS, useMock } from './helpers.js';

describe('inspection endpoints /__mock/*', () => {
  const mock = useMock();
  const get = async (p: string) => (await fetch(mock().url + p)).json() as Promise<any>;

  it('messages, requests (redacted), health, reset; inspection calls are not recorded', async () => {
    const { body } = await create(mock(), SMS);
    expect((await get('/__mock/messages')).messages.map((m: { sid: string }) => m.sid)).toEqual([body.sid]);
    expect((await get(`/__mock/messages?accountSid=${C.accountSid}`)).messages).toHaveLength(1);
    expect((await get('/__mock/messages?accountSid=AC0')).messages).toHaveLength(0);
    const { requests } = await get('/__mock/requests');
    expect(requests).toHaveLength(1);
    expect(requests[0].headers.authorization).toBe(`Basic <redacted:${C.apiKeySid}>`);
    expect((await get('/__mock/health')).accounts).toEqual([C.accountSid]);
    const reset = { method: 'POST', headers: { 'content-type': 'application/json' } };
    expect((await fetch(mock().url + '/__mock/reset', reset)).status).toBe(204);
    expect(mock().messages()).toEqual([]);
    expect(mock().requests()).toEqual([]);
    expect((await call(mock(), 'GET', `/2010-04-01/Accounts/${C.accountSid}/Messages.json`)).status).toBe(
      200,
    );
  });

  it('an unknown inspection endpoint lists the real ones', async () => {
    const r = await fetch(mock().url + '/__mock/nope');
    expect(r.status).toBe(404);
    expect(((await r.json()) as { endpoints: string[] }).endpoints).toContain('POST /__mock/reset');
  });
});
