import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenApiMock, type OpenApiMock } from '../../../src/mock/openapi/index.js';
import type { ProblemBody } from '../../../src/mock/openapi/problem.js';
import {
  ACCOUNT_SID,
  description,
  FIXTURES,
  send,
  SLACK_BEARER,
  SLACK_FILE,
  TWILIO_BASIC,
  TWILIO_FILE,
} from './helpers.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };

interface Case {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  /** The first violation, as far as given. */
  error?: Partial<ProblemBody['errors'][number]>;
}

/** Runs a corpus: each request gets its status, a refusal is a problem document naming what broke. */
function corpus(mock: () => OpenApiMock, cases: Case[]) {
  it.each(cases)('$name → $status', async (c) => {
    const r = await send(`${mock().url}${c.path}`, {
      method: c.method ?? 'GET',
      headers: c.headers,
      body: c.body,
    });
    expect({ status: r.status, text: r.status === c.status ? '' : r.text }).toEqual({
      status: c.status,
      text: '',
    });
    if (c.status < 400) return;
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    const problem = r.json as ProblemBody;
    expect(problem).toMatchObject({
      status: c.status,
      type: expect.stringMatching(/^urn:okta-connector:mock:/),
    });
    if (c.error) expect(problem.errors[0]).toMatchObject(c.error);
  });
}

describe("Twilio's description (OpenAPI 3.0.1)", () => {
  let mock: OpenApiMock;
  beforeAll(async () => {
    mock = await startOpenApiMock({ description: await description(TWILIO_FILE) });
  });
  afterAll(() => mock.close());
  const messages = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
  const auth = { authorization: TWILIO_BASIC };

  corpus(
    () => mock,
    [
      {
        name: 'a valid create',
        method: 'POST',
        path: messages,
        headers: { ...auth, ...FORM },
        body: 'To=%2B14155550100&From=%2B15005550006&Body=hi',
        status: 201,
      },
      { name: 'a valid list', path: `${messages}?PageSize=1000&Page=0`, headers: auth, status: 200 },
      {
        name: 'missing To',
        method: 'POST',
        path: messages,
        headers: { ...auth, ...FORM },
        body: 'From=%2B15005550006&Body=hi',
        status: 400,
        error: { in: 'body', pointer: '/To', rule: 'required' },
      },
      {
        name: 'an empty form (no To)',
        method: 'POST',
        path: messages,
        headers: auth,
        status: 400,
        error: { in: 'body', pointer: '/To', rule: 'required' },
      },
      {
        name: 'JSON instead of a form',
        method: 'POST',
        path: messages,
        headers: { ...auth, ...JSON_TYPE },
        body: '{"To":"+14155550100"}',
        status: 415,
        error: {
          in: 'header',
          name: 'Content-Type',
          rule: 'mediaType',
          allowed: ['application/x-www-form-urlencoded'],
        },
      },
      {
        name: 'no credentials',
        method: 'POST',
        path: messages,
        headers: FORM,
        body: 'To=%2B14155550100',
        status: 401,
        error: { in: 'security', name: 'accountSid_authToken', rule: 'credentials' },
      },
      {
        name: 'a bearer token where Basic is required',
        path: messages,
        headers: { authorization: 'Bearer abc' },
        status: 401,
      },
      {
        name: 'Basic that is not user:password',
        path: messages,
        headers: { authorization: 'Basic bm9jb2xvbg==' },
        status: 401,
      },
      {
        name: 'PageSize 1001 (the description says maximum: 1000)',
        path: `${messages}?PageSize=1001`,
        headers: auth,
        status: 400,
        error: { in: 'query', name: 'PageSize', pointer: '', rule: 'maximum' },
      },
      {
        name: 'PageSize 0',
        path: `${messages}?PageSize=0`,
        headers: auth,
        status: 400,
        error: { name: 'PageSize', rule: 'minimum' },
      },
      {
        name: 'PageSize not a number',
        path: `${messages}?PageSize=ten`,
        headers: auth,
        status: 400,
        error: { name: 'PageSize', rule: 'type' },
      },
      {
        name: 'PageSize given twice',
        path: `${messages}?PageSize=1&PageSize=2`,
        headers: auth,
        status: 400,
        error: { name: 'PageSize', rule: 'style' },
      },
      {
        name: 'PageSize empty',
        path: `${messages}?PageSize=`,
        headers: auth,
        status: 400,
        error: { name: 'PageSize', rule: 'allowEmptyValue' },
      },
      {
        name: 'an unknown path',
        path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Nope.json`,
        headers: auth,
        status: 404,
        error: { in: 'request', rule: 'route' },
      },
      {
        name: 'the right path without .json',
        path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages`,
        headers: auth,
        status: 404,
      },
      {
        name: 'the wrong method',
        method: 'PUT',
        path: messages,
        headers: auth,
        status: 405,
        error: { in: 'request', rule: 'method', allowed: ['GET', 'POST'] },
      },
      {
        name: 'an AccountSid that breaks its pattern',
        path: '/2010-04-01/Accounts/AC123/Messages.json',
        headers: auth,
        status: 400,
        error: { in: 'path', name: 'AccountSid' },
      },
      {
        name: 'a StatusCallback that is no URI',
        method: 'POST',
        path: messages,
        headers: { ...auth, ...FORM },
        body: 'To=%2B14155550100&StatusCallback=not%20a%20uri',
        status: 400,
        error: { pointer: '/StatusCallback', rule: 'format' },
      },
      {
        name: 'a ValidityPeriod that is no integer',
        method: 'POST',
        path: messages,
        headers: { ...auth, ...FORM },
        body: 'To=%2B14155550100&ValidityPeriod=1.5',
        status: 400,
        error: { pointer: '/ValidityPeriod', rule: 'type' },
      },
      {
        name: 'an enum value Twilio does not know',
        method: 'POST',
        path: messages,
        headers: { ...auth, ...FORM },
        body: 'To=%2B14155550100&TrafficType=bulk',
        status: 400,
        error: { pointer: '/TrafficType', rule: 'enum' },
      },
      {
        name: 'a field named __proto__ stays data',
        method: 'POST',
        path: messages,
        headers: { ...auth, ...FORM },
        body: '__proto__=x&constructor=y&To=%2B14155550100',
        status: 201,
      },
      {
        name: 'a broken percent-encoding',
        method: 'POST',
        path: messages,
        headers: { ...auth, ...FORM },
        body: 'To=%ZZ',
        status: 400,
        error: { in: 'body', rule: 'syntax' },
      },
    ],
  );

  it('gathers every violation of one request into one answer', async () => {
    const r = await send(`${mock.url}${messages}?PageSize=0&Page=-1`, { headers: auth });
    expect((r.json as ProblemBody).errors.map((e) => `${e.name} ${e.rule}`)).toEqual([
      'PageSize minimum',
      'Page minimum',
    ]);
  });

  it('answers 401 with a Basic challenge, 405 with Allow, 415 with the accepted types', async () => {
    expect((await send(`${mock.url}${messages}`)).headers.get('www-authenticate')).toBe(
      'Basic realm="okta-connector mock"',
    );
    expect(
      (await send(`${mock.url}${messages}`, { method: 'PATCH', headers: auth })).headers.get('allow'),
    ).toBe('GET, POST');
    const r = await send(`${mock.url}${messages}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(r.headers.get('accept')).toBe('application/x-www-form-urlencoded');
  });

  it('refuses a body over the limit with 413 and keeps serving', async () => {
    const small = await startOpenApiMock({
      description: await description(TWILIO_FILE),
      bodyLimitBytes: 100,
    });
    try {
      const r = await send(`${small.url}${messages}`, {
        method: 'POST',
        headers: { ...auth, ...FORM },
        body: `Body=${'x'.repeat(500)}`,
      });
      expect(r.status).toBe(413);
      expect((await send(`${small.url}${messages}`, { headers: auth })).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('answers HEAD like GET without a body', async () => {
    const r = await fetch(`${mock.url}${messages}`, { method: 'HEAD', headers: auth });
    expect(r.status).toBe(200);
    expect(Number(r.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await r.text()).toBe('');
  });

  it('serves a named example on Prefer: example=, and refuses an unknown one', async () => {
    const r = await send(`${mock.url}${messages}`, {
      headers: { ...auth, prefer: 'example=readEmptySentdateLess' },
    });
    expect(r.status).toBe(200);
    expect((r.json as { messages: unknown[] }).messages).toEqual([]);
    const bad = await send(`${mock.url}${messages}`, { headers: { ...auth, prefer: 'example=nope' } });
    expect(bad.status).toBe(400);
    expect((bad.json as ProblemBody).errors[0]).toMatchObject({
      in: 'header',
      name: 'Prefer',
      rule: 'prefer',
    });
  });
});

describe("Slack's Web API description (Swagger 2.0, converted)", () => {
  let mock: OpenApiMock;
  beforeAll(async () => {
    mock = await startOpenApiMock({ description: await description(SLACK_FILE) });
  });
  afterAll(() => mock.close());
  const bearer = { authorization: SLACK_BEARER };

  it('serves under the server path /api, for callers of https://slack.com', () => {
    expect(mock.origins).toEqual(['https://slack.com']);
    expect(mock.servers).toEqual([{ url: 'https://slack.com/api', basePath: '/api' }]);
  });

  corpus(
    () => mock,
    [
      {
        name: 'chat.postMessage as a form',
        method: 'POST',
        path: '/api/chat.postMessage',
        headers: { ...bearer, ...FORM },
        body: 'channel=C123&text=hello&mrkdwn=false',
        status: 200,
      },
      {
        name: 'chat.postMessage as JSON',
        method: 'POST',
        path: '/api/chat.postMessage',
        headers: { ...bearer, ...JSON_TYPE },
        body: '{"channel":"C123","text":"hello","mrkdwn":false}',
        status: 200,
      },
      {
        name: 'chat.postMessage as JSON with blocks as an array (the Slack override)',
        method: 'POST',
        path: '/api/chat.postMessage',
        headers: { ...bearer, ...JSON_TYPE },
        body: '{"channel":"C123","blocks":[{"type":"divider"}]}',
        status: 200,
      },
      {
        name: 'auth.test by POST, as Slack takes it (the Slack override)',
        method: 'POST',
        path: '/api/auth.test',
        headers: bearer,
        status: 200,
      },
      {
        name: 'chat.postMessage without channel (form)',
        method: 'POST',
        path: '/api/chat.postMessage',
        headers: { ...bearer, ...FORM },
        body: 'text=hello',
        status: 400,
        error: { in: 'body', pointer: '/channel', rule: 'required' },
      },
      {
        name: 'chat.postMessage without channel (JSON)',
        method: 'POST',
        path: '/api/chat.postMessage',
        headers: { ...bearer, ...JSON_TYPE },
        body: '{"text":"hello"}',
        status: 400,
        error: { in: 'body', pointer: '/channel', rule: 'required' },
      },
      {
        name: 'chat.postMessage with a JSON syntax error',
        method: 'POST',
        path: '/api/chat.postMessage',
        headers: { ...bearer, ...JSON_TYPE },
        body: '{"channel":',
        status: 400,
        error: { in: 'body', rule: 'syntax' },
      },
      {
        name: 'chat.postMessage with a form boolean that is none',
        method: 'POST',
        path: '/api/chat.postMessage',
        headers: { ...bearer, ...FORM },
        body: 'channel=C1&mrkdwn=maybe',
        status: 400,
        error: { pointer: '/mrkdwn', rule: 'type' },
      },
      {
        name: 'chat.postMessage with JSON typed as text where a boolean is expected',
        method: 'POST',
        path: '/api/chat.postMessage',
        headers: { ...bearer, ...JSON_TYPE },
        body: '{"channel":"C1","mrkdwn":"false"}',
        status: 400,
        error: { pointer: '/mrkdwn', rule: 'type' },
      },
      {
        name: 'chat.postMessage as XML',
        method: 'POST',
        path: '/api/chat.postMessage',
        headers: { ...bearer, 'content-type': 'application/xml' },
        body: '<x/>',
        status: 415,
      },
      {
        name: 'chat.postMessage without a token',
        method: 'POST',
        path: '/api/chat.postMessage',
        headers: FORM,
        body: 'channel=C1',
        status: 401,
      },
      { name: 'auth.test with a token', path: '/api/auth.test', headers: bearer, status: 200 },
      {
        name: 'auth.test without a token',
        path: '/api/auth.test',
        status: 401,
        error: { in: 'security', name: 'slackAuth', rule: 'credentials' },
      },
      {
        name: 'auth.test with Basic instead of Bearer',
        path: '/api/auth.test',
        headers: { authorization: TWILIO_BASIC },
        status: 401,
      },
      {
        name: 'conversations.list with limit not an integer',
        path: '/api/conversations.list?limit=many',
        headers: bearer,
        status: 400,
        error: { in: 'query', name: 'limit', rule: 'type' },
      },
      { name: 'a method Slack does not have', path: '/api/chat.fly', headers: bearer, status: 404 },
      {
        name: 'a method outside /api',
        method: 'POST',
        path: '/chat.postMessage',
        headers: bearer,
        status: 404,
      },
      { name: 'chat.postMessage by GET', path: '/api/chat.postMessage', headers: bearer, status: 405 },
    ],
  );

  it('answers 401 with a Bearer challenge and logs the token redacted', async () => {
    mock.reset();
    expect((await send(`${mock.url}/api/auth.test`)).headers.get('www-authenticate')).toBe('Bearer');
    await send(`${mock.url}/api/auth.test?token=xoxp-secret-in-query`, { headers: bearer });
    const [, logged] = mock.requests();
    expect(logged).toMatchObject({
      status: 200,
      query: { token: '<redacted>' },
      headers: { authorization: 'Bearer <redacted>' },
    });
    expect(JSON.stringify(mock.requests())).not.toMatch(/xox[bp]-/);
  });
});

describe('a multi-file YAML description (OpenAPI 3.0.3)', () => {
  let mock: OpenApiMock;
  beforeAll(async () => {
    mock = await startOpenApiMock({ file: `${FIXTURES}petstore-multi/api.yaml`, seed: 'pets' });
  });
  afterAll(() => mock.close());
  const key = { 'x-api-key': 'k-123' };
  const cat = { name: 'Tom', petType: 'cat', huntingSkill: 'lazy', tag: null, weight: 4.2 };

  it('routes by the server variables and names every origin', () => {
    expect(mock.origins).toEqual(['https://eu.pets.example.com', 'https://us.pets.example.com']);
    expect(mock.servers[0]!.basePath).toBe('/v{version}');
  });

  corpus(
    () => mock,
    [
      { name: 'a list under /v1', path: '/v1/pets', headers: key, status: 200 },
      { name: 'a list under /v2 (enum value)', path: '/v2/pets', headers: key, status: 200 },
      { name: 'a version the server variable does not allow', path: '/v3/pets', headers: key, status: 404 },
      {
        name: 'the session cookie as the other security alternative',
        path: '/v1/pets',
        headers: { cookie: 'session=abc' },
        status: 200,
      },
      { name: 'no credentials at all', path: '/v1/pets', status: 401 },
      { name: 'an operation with security: [] needs none', path: '/v1/pets/mine', status: 200 },
      {
        name: 'a concrete path wins over a template',
        path: '/v1/pets/mine',
        method: 'DELETE',
        headers: key,
        status: 400,
        error: { in: 'path', name: 'petId', rule: 'type' },
      },
      { name: 'form + explode:false arrays', path: '/v1/pets?tags=cat,dog', headers: key, status: 200 },
      {
        name: 'a value outside the items enum',
        path: '/v1/pets?tags=cat,fish',
        headers: key,
        status: 400,
        error: { in: 'query', name: 'tags', pointer: '/1', rule: 'enum' },
      },
      { name: 'pipeDelimited integers', path: '/v1/pets?ids=1|2|3', headers: key, status: 200 },
      {
        name: 'pipeDelimited with a word',
        path: '/v1/pets?ids=1|x',
        headers: key,
        status: 400,
        error: { name: 'ids', pointer: '/1', rule: 'type' },
      },
      {
        name: 'deepObject',
        path: '/v1/pets?filter[name]=Tom&filter[minWeight]=2.5',
        headers: key,
        status: 200,
      },
      {
        name: 'deepObject with an unknown property',
        path: '/v1/pets?filter[colour]=red',
        headers: key,
        status: 400,
        error: { name: 'filter', pointer: '/colour', rule: 'additionalProperties' },
      },
      {
        name: 'an empty value where allowEmptyValue is true',
        path: '/v1/pets?cursor=',
        headers: key,
        status: 200,
      },
      {
        name: 'an empty enum value',
        path: '/v1/pets?status=',
        headers: key,
        status: 400,
        error: { name: 'status', rule: 'allowEmptyValue' },
      },
      { name: 'a boolean query', path: '/v1/pets?verbose=true', headers: key, status: 200 },
      {
        name: 'a boolean query that is none',
        path: '/v1/pets?verbose=yes',
        headers: key,
        status: 400,
        error: { name: 'verbose', rule: 'type' },
      },
      {
        name: 'a header that must be a uuid',
        path: '/v1/pets',
        headers: { ...key, 'x-request-id': 'nope' },
        status: 400,
        error: { in: 'header', name: 'X-Request-Id', rule: 'format' },
      },
      { name: 'a path integer', path: '/v1/pets/7', headers: key, status: 200 },
      {
        name: 'a path integer below its minimum',
        path: '/v1/pets/0',
        headers: key,
        status: 400,
        error: { in: 'path', name: 'petId', rule: 'minimum' },
      },
      {
        name: 'a create by discriminator (cat)',
        method: 'POST',
        path: '/v1/pets',
        headers: { ...key, ...JSON_TYPE },
        body: JSON.stringify(cat),
        status: 201,
      },
      {
        name: 'readOnly id is not required in a request',
        method: 'POST',
        path: '/v1/pets',
        headers: { ...key, ...JSON_TYPE },
        body: JSON.stringify({ ...cat, password: 'p' }),
        status: 201,
      },
      {
        name: 'the discriminator picks the schema (dog needs packSize)',
        method: 'POST',
        path: '/v1/pets',
        headers: { ...key, ...JSON_TYPE },
        body: JSON.stringify({ ...cat, petType: 'dog' }),
        status: 400,
        error: { pointer: '/packSize', rule: 'required' },
      },
      {
        name: 'an unknown discriminator value',
        method: 'POST',
        path: '/v1/pets',
        headers: { ...key, ...JSON_TYPE },
        body: JSON.stringify({ ...cat, petType: 'fish' }),
        status: 400,
        error: { pointer: '/petType', rule: 'enum' },
      },
      {
        name: 'boolean exclusiveMinimum (weight 0)',
        method: 'POST',
        path: '/v1/pets',
        headers: { ...key, ...JSON_TYPE },
        body: JSON.stringify({ ...cat, weight: 0 }),
        status: 400,
        error: { pointer: '/weight', rule: 'exclusiveMinimum' },
      },
      {
        name: 'a form coerced by its schema',
        method: 'POST',
        path: '/v1/pets',
        headers: { ...key, ...FORM },
        body: 'name=Rex&petType=dog&weight=12.5&vaccinated=true&tags=a&tags=b&owner=%7B%22email%22%3A%22a%40b.example%22%7D',
        status: 201,
      },
      {
        name: 'a form number that is none',
        method: 'POST',
        path: '/v1/pets',
        headers: { ...key, ...FORM },
        body: 'name=Rex&petType=dog&weight=heavy',
        status: 400,
        error: { pointer: '/weight', rule: 'type' },
      },
      {
        name: 'a form object field (JSON) that breaks its schema',
        method: 'POST',
        path: '/v1/pets',
        headers: { ...key, ...FORM },
        body: 'name=Rex&petType=dog&owner=%7B%22email%22%3A%22nope%22%7D',
        status: 400,
        error: { pointer: '/owner/email', rule: 'format' },
      },
      {
        name: 'a form array over maxItems',
        method: 'POST',
        path: '/v1/pets',
        headers: { ...key, ...FORM },
        body: 'name=Rex&petType=dog&tags=a&tags=b&tags=c&tags=d',
        status: 400,
        error: { pointer: '/tags', rule: 'maxItems' },
      },
      {
        name: 'text/plain within maxLength',
        method: 'POST',
        path: '/v1/pets',
        headers: { ...key, 'content-type': 'text/plain; charset=utf-8' },
        body: 'Tom the cat',
        status: 201,
      },
      {
        name: 'text/plain over maxLength',
        method: 'POST',
        path: '/v1/pets',
        headers: { ...key, 'content-type': 'text/plain' },
        body: 'x'.repeat(21),
        status: 400,
        error: { in: 'body', pointer: '', rule: 'maxLength' },
      },
      {
        name: 'a missing required body',
        method: 'POST',
        path: '/v1/pets',
        headers: { ...key, ...JSON_TYPE },
        status: 400,
        error: { in: 'body', rule: 'required' },
      },
    ],
  );

  it('reads multipart/form-data (fields coerced, files accepted)', async () => {
    const form = new FormData();
    form.append('name', 'Tom');
    form.append('age', '3');
    form.append('photo', new Blob([Buffer.from('png')]), 'tom.png');
    const ok = await send(`${mock.url}/v1/pets`, { method: 'POST', headers: key, body: form });
    expect(ok.status).toBe(201);
    const noPhoto = new FormData();
    noPhoto.append('name', 'Tom');
    noPhoto.append('age', 'three');
    const bad = await send(`${mock.url}/v1/pets`, { method: 'POST', headers: key, body: noPhoto });
    expect((bad.json as ProblemBody).errors.map((e) => `${e.pointer} ${e.rule}`)).toEqual([
      '/photo required',
      '/age type',
    ]);
  });

  it('generates responses that follow the schema: discriminator, readOnly kept, writeOnly left out, headers', async () => {
    const r = await send(`${mock.url}/v1/pets`, {
      method: 'POST',
      headers: { ...key, ...JSON_TYPE },
      body: JSON.stringify(cat),
    });
    const pet = r.json as Record<string, unknown>;
    expect(['cat', 'dog']).toContain(pet.petType);
    expect(pet).toHaveProperty(pet.petType === 'cat' ? 'huntingSkill' : 'packSize');
    expect(typeof pet.id).toBe('number');
    expect(pet).not.toHaveProperty('password');
    const list = await send(`${mock.url}/v1/pets`, { headers: key });
    expect(Number(list.headers.get('x-total-count'))).toBeGreaterThanOrEqual(0);
  });

  it('is deterministic: the same request and seed give the same bytes; another seed or request, other values', async () => {
    const post = (m: OpenApiMock, name = 'Tom') =>
      send(`${m.url}/v1/pets`, {
        method: 'POST',
        headers: { ...key, ...JSON_TYPE },
        body: JSON.stringify({ ...cat, name }),
      });
    const twin = await startOpenApiMock({ file: `${FIXTURES}petstore-multi/api.yaml`, seed: 'pets' });
    const other = await startOpenApiMock({ file: `${FIXTURES}petstore-multi/api.yaml`, seed: 'cats' });
    try {
      const a = await post(mock);
      expect((await post(mock)).text).toBe(a.text);
      expect((await post(twin)).text).toBe(a.text);
      expect((await post(other)).text).not.toBe(a.text);
      expect((await post(mock, 'Felix')).text).not.toBe(a.text);
    } finally {
      await twin.close();
      await other.close();
    }
  });

  it('serves the first named example, the status the description gives, and 204 without a body', async () => {
    const r = await send(`${mock.url}/v1/pets/7`, { headers: key });
    expect(r.json).toEqual({ id: 7, name: 'Tom', petType: 'cat', huntingSkill: 'lazy' });
    const rex = await send(`${mock.url}/v1/pets/7`, { headers: { ...key, prefer: 'example=rex' } });
    expect(rex.json).toMatchObject({ name: 'Rex' });
    const missing = await send(`${mock.url}/v1/pets/7`, { headers: { ...key, prefer: 'code=404' } });
    expect({ status: missing.status, json: missing.json }).toEqual({
      status: 404,
      json: { error: 'not found' },
    });
    const gone = await send(`${mock.url}/v1/pets/7`, { method: 'DELETE', headers: key });
    expect({ status: gone.status, text: gone.text }).toEqual({ status: 204, text: '' });
  });
});

describe('an OpenAPI 3.1 description (JSON Schema 2020-12)', () => {
  let mock: OpenApiMock;
  beforeAll(async () => {
    mock = await startOpenApiMock({ file: `${FIXTURES}notes-3.1/notes.yaml`, seed: 1 });
  });
  afterAll(() => mock.close());
  const bearer = { authorization: 'Bearer t', ...JSON_TYPE };
  const note = { text: 'hi', tags: ['a'], color: null, priority: 3, location: [1.5, 2] };
  const post = (body: unknown) => ({
    method: 'POST',
    path: '/api/v2/notes',
    headers: bearer,
    body: JSON.stringify(body),
  });

  it('has no origin to rewrite (its server URL is relative) and serves its path', () => {
    expect(mock.origins).toEqual([]);
    expect(mock.servers).toEqual([{ url: '/api/v2', basePath: '/api/v2' }]);
  });

  corpus(
    () => mock,
    [
      { name: 'a valid note (null from a type array)', ...post(note), status: 201 },
      { name: 'readOnly id (a $ref with a sibling) not required', ...post(note), status: 201 },
      {
        name: 'duplicate tags (uniqueItems)',
        ...post({ ...note, tags: ['a', 'a'] }),
        status: 400,
        error: { pointer: '/tags', rule: 'uniqueItems' },
      },
      {
        name: 'numeric exclusiveMinimum',
        ...post({ ...note, priority: 0 }),
        status: 400,
        error: { pointer: '/priority', rule: 'exclusiveMinimum' },
      },
      {
        name: 'prefixItems with items: false',
        ...post({ ...note, location: [1, 2, 3] }),
        status: 400,
        error: { pointer: '/location', rule: 'items' },
      },
      {
        name: 'a null where the type array has none',
        ...post({ ...note, text: null }),
        status: 400,
        error: { pointer: '/text', rule: 'type' },
      },
      {
        name: 'a recursive schema',
        ...post({ ...note, parent: { ...note, parent: { text: 'x' } } }),
        status: 400,
        error: { pointer: '/parent/parent/tags', rule: 'required' },
      },
      { name: 'a path pattern', path: '/api/v2/notes/n_abc123', headers: bearer, status: 200 },
      {
        name: 'a path pattern broken',
        path: '/api/v2/notes/abc',
        headers: bearer,
        status: 400,
        error: { in: 'path', name: 'id', rule: 'pattern' },
      },
      {
        name: 'a date query',
        path: '/api/v2/notes?before=2024-02-30',
        headers: bearer,
        status: 400,
        error: { name: 'before', rule: 'format' },
      },
    ],
  );

  it('generates a note that follows the pattern and the types', async () => {
    const r = await send(`${mock.url}/api/v2/notes/n_abc123`, { headers: bearer });
    const body = r.json as Record<string, unknown>;
    expect(body.id).toMatch(/^n_[a-z0-9]{6}$/);
    expect(Array.isArray(body.tags)).toBe(true);
    expect((body.location as unknown[]).length).toBeLessThanOrEqual(2);
  });
});
