import twilio6 from 'twilio';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS as C } from '../../../src/mock/twilio/defaults.js';
import { C_AUTH_KEY as auth, localClient, useMock } from './helpers.js';
import { responseValidator } from './schema.js';

/** The list response schema of Twilio's own description, with every field the mock writes required. */
const listValidator = () =>
  responseValidator('/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json', 'get', {
    required: ['incoming_phone_numbers', 'next_page_uri', 'page_size', 'uri'],
    properties: {
      incoming_phone_numbers: {
        type: 'array',
        items: { required: ['sid', 'phone_number', 'friendly_name', 'capabilities', 'account_sid'] },
      },
    },
  });

describe('mock Twilio: GET IncomingPhoneNumbers.json (the dynamic dropdown of senders)', () => {
  const mock = useMock();
  beforeEach(() => mock().reset());
  const list = (query = '') =>
    fetch(`${mock().url}/2010-04-01/Accounts/${C.accountSid}/IncomingPhoneNumbers.json${query}`, {
      headers: { authorization: auth },
    });

  it("lists the account's numbers in the shape Twilio's own description gives", async () => {
    const res = await list();
    expect(res.status).toBe(200);
    const body = (await res.json()) as { incoming_phone_numbers: Array<Record<string, unknown>> };
    const validate = listValidator();
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body.incoming_phone_numbers.map((n) => [n.phone_number, n.friendly_name])).toEqual([
      ['+15005550006', '(500) 555-0006'],
      ['+15017122661', '(501) 712-2661'],
    ]);
    expect(body.incoming_phone_numbers[0]!.sid).toMatch(/^PN[0-9a-f]{32}$/);
  });

  it('filters by PhoneNumber, needs credentials, and refuses other methods', async () => {
    const one = (await (await list('?PhoneNumber=%2B1501')).json()) as { incoming_phone_numbers: unknown[] };
    expect(one.incoming_phone_numbers).toHaveLength(1);
    const anonymous = await fetch(
      `${mock().url}/2010-04-01/Accounts/${C.accountSid}/IncomingPhoneNumbers.json`,
    );
    expect(anonymous.status).toBe(401);
    const post = await fetch(`${mock().url}/2010-04-01/Accounts/${C.accountSid}/IncomingPhoneNumbers.json`, {
      method: 'POST',
      headers: { authorization: auth },
    });
    expect(post.status).toBe(405);
  });

  it("answers Twilio's official client", async () => {
    const client = localClient(twilio6, mock().url);
    const numbers = await client.incomingPhoneNumbers.list();
    expect(numbers.map((n) => n.phoneNumber)).toEqual(['+15005550006', '+15017122661']);
    expect(numbers[0]!.capabilities).toMatchObject({ sms: true });
  });
});
