import twilio6 from 'twilio';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS as C } from '../../../src/mock/twilio/defaults.js';
import { C_AUTH_KEY as auth, localClient, useMock } from './helpers.js';
import { responseValidator } from './schema.js';

/** The mock's SID of +15005550006 in the default account (sha256 of "<AccountSid>/<number>", phone-numbers.ts). */
const SID = 'PNbaebb17069f6a6cd7ab877333b9eaaeb';

/** The POST (update) response schema of Twilio's own description, with the fields a webhook registration reads. */
const updateValidator = () =>
  responseValidator('/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json', 'post', {
    required: ['sid', 'sms_url', 'sms_method', 'date_updated', 'uri'],
  });

describe('mock Twilio: POST IncomingPhoneNumbers/{Sid}.json (a webhook event registers its Event URL)', () => {
  const mock = useMock();
  beforeEach(() => mock().reset());
  const url = (sid = SID) =>
    `${mock().url}/2010-04-01/Accounts/${C.accountSid}/IncomingPhoneNumbers/${sid}.json`;
  const update = (form: Record<string, string>, sid = SID) =>
    fetch(url(sid), {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  const fetchOne = () => fetch(url(), { headers: { authorization: auth } });

  it('sets and empties SmsUrl, answering in the shape of Twilio’s description; fetch and list show it', async () => {
    const validate = updateValidator();
    const set = await update({
      SmsUrl: 'https://org.workflows.okta.com/api/flo/abc/invoke',
      SmsMethod: 'POST',
    });
    expect(set.status).toBe(200);
    const body = (await set.json()) as Record<string, unknown>;
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body).toMatchObject({
      sid: SID,
      phone_number: '+15005550006',
      sms_url: 'https://org.workflows.okta.com/api/flo/abc/invoke',
      sms_method: 'POST',
    });
    expect(body.date_updated).not.toBe(body.date_created);
    expect(await (await fetchOne()).json()).toMatchObject({ sms_url: body.sms_url });

    const cleared = (await (await update({ SmsUrl: '' })).json()) as Record<string, unknown>;
    expect(validate(cleared), JSON.stringify(validate.errors)).toBe(true);
    expect(cleared.sms_url).toBeNull();
    const list = (await (
      await fetch(`${mock().url}/2010-04-01/Accounts/${C.accountSid}/IncomingPhoneNumbers.json`, {
        headers: { authorization: auth },
      })
    ).json()) as { incoming_phone_numbers: Array<Record<string, unknown>> };
    expect(list.incoming_phone_numbers.every((n) => n.sms_url === null)).toBe(true);
  });

  it('refuses a URL that is not absolute http(s) (21402), a bad method, an unknown SID (20404), no credentials', async () => {
    const bad = await update({ SmsUrl: 'not-a-url' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 21402 });
    expect((await update({ SmsMethod: 'PUT' })).status).toBe(400);
    const unknown = await update({ SmsUrl: '' }, 'PN00000000000000000000000000000000');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 20404 });
    expect((await fetch(url(), { method: 'POST' })).status).toBe(401);
    expect((await fetch(url(), { method: 'DELETE', headers: { authorization: auth } })).status).toBe(405);
  });

  it("answers Twilio's official client (incomingPhoneNumbers(sid).update / fetch)", async () => {
    const client = localClient(twilio6, mock().url);
    const updated = await client
      .incomingPhoneNumbers(SID)
      .update({ smsUrl: 'https://example.com/hook', smsMethod: 'POST' });
    expect([updated.sid, updated.smsUrl, updated.smsMethod]).toEqual([
      SID,
      'https://example.com/hook',
      'POST',
    ]);
    const fetched = await client.incomingPhoneNumbers(SID).fetch();
    expect(fetched.smsUrl).toBe('https://example.com/hook');
    await expect(client.incomingPhoneNumbers(SID).update({ smsUrl: 'nope' })).rejects.toMatchObject({
      code: 21402,
    });
  });
});
