import twilio6 from 'twilio';
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS as C } from '../../../src/mock/twilio/defaults.js';
import { TWILIO_OPENAPI } from '../../support/fixtures.js';
import { useMock } from './helpers.js';

const PATH = '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json';
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv) => void;

/** The list response schema of Twilio's own description, with every field the mock writes required. */
function listValidator() {
  const spec = JSON.parse(readFileSync(TWILIO_OPENAPI, 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('date-time-rfc-2822', /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
  for (const f of ['phone-number', 'currency', 'uri-map']) ajv.addFormat(f, true);
  ajv.addFormat('uri', /^(?:[a-z][a-z0-9+.-]*:|\/)\S*$/i);
  ajv.addSchema({ $id: 'twilio', components: spec.components });
  const schema = JSON.parse(
    JSON.stringify(spec.paths[PATH].get.responses['200'].content['application/json'].schema).replaceAll(
      '"#/components',
      '"twilio#/components',
    ),
  );
  return ajv.compile({
    allOf: [
      schema,
      {
        required: ['incoming_phone_numbers', 'next_page_uri', 'page_size', 'uri'],
        properties: {
          incoming_phone_numbers: {
            type: 'array',
            items: { required: ['sid', 'phone_number', 'friendly_name', 'capabilities', 'account_sid'] },
          },
        },
      },
    ],
  });
}

describe('mock Twilio: GET IncomingPhoneNumbers.json (the dynamic dropdown of senders)', () => {
  const mock = useMock();
  beforeEach(() => mock().reset());
  const auth = `Basic ${Buffer.from(`${C.apiKeySid}:${C.apiKeySecret}`).toString('base64')}`;
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
    class Local extends twilio6.RequestClient {
      override request<T>(opts: import('twilio/lib/base/RequestClient.js').RequestOptions<T>) {
        const u = new URL(opts.uri);
        const b = new URL(mock().url);
        u.protocol = b.protocol;
        u.host = b.host;
        return super.request<T>({ ...opts, uri: u.toString() });
      }
    }
    const client = twilio6(C.apiKeySid, C.apiKeySecret, {
      accountSid: C.accountSid,
      httpClient: new Local(),
    });
    const numbers = await client.incomingPhoneNumbers.list();
    expect(numbers.map((n) => n.phoneNumber)).toEqual(['+15005550006', '+15017122661']);
    expect(numbers[0]!.capabilities).toMatchObject({ sms: true });
  });
});
