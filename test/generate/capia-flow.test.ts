import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTION_INPUT_KEY, CUSTOM_API_ACTION_NAME } from '../../src/connector/contract.js';
import type { Flopack } from '../../src/flopack/types.js';
import { generateConnector } from '../../src/generate/index.js';
import { DEFAULT_CREDENTIALS, startMockTwilio, type MockTwilio } from '../../src/mock/twilio/index.js';
import { createHttpTransport, runFlow, type HttpRequest } from '../../src/simulate/index.js';
import { loadValidSpec } from '../../src/spec/validate.js';
import { packagePath } from '../../src/util/paths.js';

const auth = {
  username: DEFAULT_CREDENTIALS.apiKeySid,
  password: DEFAULT_CREDENTIALS.apiKeySecret,
  accountSid: DEFAULT_CREDENTIALS.accountSid,
};

let flopack: Flopack;
beforeAll(async () => {
  const { spec } = await loadValidSpec(packagePath('connectors/twilio/connector.yaml'));
  flopack = generateConnector(spec).flopack;
});

/** Runs the Custom API Action against a transport that records the request and answers 200 {}. */
async function capture(inputs: Record<string, unknown>): Promise<HttpRequest> {
  const sent: HttpRequest[] = [];
  const result = await runFlow(
    flopack,
    CUSTOM_API_ACTION_NAME,
    { [CONNECTION_INPUT_KEY]: auth, ...inputs },
    { transport: async (req) => (sent.push(req), { status: 200, headers: {}, body: '{}' }) },
  );
  expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
  expect(sent).toHaveLength(1);
  return sent[0]!;
}

const header = (req: HttpRequest, name: string) =>
  Object.entries(req.headers).filter(([k]) => k.toLowerCase() === name.toLowerCase());

describe('Custom API Action: the Body goes as the caller’s Content-Type says', () => {
  it('form-encodes the Body when the Headers say application/x-www-form-urlencoded (any case)', async () => {
    const req = await capture({
      requestType: 'POST',
      'Relative URL': '/Messages.json',
      Headers: { 'content-TYPE': 'Application/X-WWW-Form-Urlencoded; charset=utf-8' },
      Body: { To: '+14155550100', From: '+15005550006', Body: 'a&b=c +1 ✓' },
    });
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      To: '+14155550100',
      From: '+15005550006',
      Body: 'a&b=c +1 ✓',
    });
    expect(header(req, 'content-type')).toEqual([
      ['content-TYPE', 'Application/X-WWW-Form-Urlencoded; charset=utf-8'],
    ]);
  });

  it('sends no body when every form value is empty (never JSON instead)', async () => {
    const req = await capture({
      requestType: 'DELETE',
      'Relative URL': '/x',
      Headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      Body: { a: null },
    });
    expect(req.body).toBeUndefined();
  });

  it('sends JSON with application/json when the caller sets no Content-Type', async () => {
    const req = await capture({
      requestType: 'PATCH',
      'Relative URL': '/x',
      Body: { a: [1, null, { b: 'c' }] },
    });
    expect(JSON.parse(req.body!)).toEqual({ a: [1, null, { b: 'c' }] });
    expect(header(req, 'content-type')).toEqual([['Content-Type', 'application/json']]);
  });

  it('keeps the caller’s own JSON Content-Type and sends no Content-Type without a Body', async () => {
    const own = await capture({
      requestType: 'POST',
      'Relative URL': '/x',
      Headers: { 'Content-Type': 'application/vnd.api+json' },
      Body: { a: 1 },
    });
    expect(header(own, 'content-type')).toEqual([['Content-Type', 'application/vnd.api+json']]);
    expect(JSON.parse(own.body!)).toEqual({ a: 1 });
    const get = await capture({ requestType: 'GET', 'Relative URL': '/Messages.json' });
    expect(header(get, 'content-type')).toEqual([]);
    expect(get.body).toBeUndefined();
    // A GET drops its Body, so it says nothing about one either.
    const getWithBody = await capture({
      requestType: 'GET',
      'Relative URL': '/Messages.json',
      Body: { a: 1 },
    });
    expect(header(getWithBody, 'content-type')).toEqual([]);
    expect(getWithBody.body).toBeUndefined();
  });
});

describe('Custom API Action against the mock Twilio', () => {
  let mock: MockTwilio;
  beforeAll(async () => {
    mock = await startMockTwilio();
  });
  afterAll(() => mock.close());

  it('POST /Messages.json with a form Content-Type and Body {To, From, Body} creates a message', async () => {
    const transport = createHttpTransport({ rewrite: [{ from: 'https://api.twilio.com', to: mock.url }] });
    const result = await runFlow(
      flopack,
      CUSTOM_API_ACTION_NAME,
      {
        [CONNECTION_INPUT_KEY]: auth,
        requestType: 'POST',
        'Relative URL': '/Messages.json',
        Headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        Body: { To: '+14155550100', From: '+15005550006', Body: 'Your code is 123456' },
      },
      { transport },
    );
    expect(result.ok && result.outputs['Status Code']).toBe(201);
    expect(mock.messages().map((m) => ({ to: m.to, from: m.from, body: m.body }))).toEqual([
      { to: '+14155550100', from: '+15005550006', body: 'Your code is 123456' },
    ]);
  });
});
