import { describe, expect, it } from 'vitest';
import { isCredentialName, nameWords } from '../../../src/mock/http/credentials.js';
import { RequestLog } from '../../../src/mock/http/record.js';
import {
  authorizationSecret,
  basicUser,
  redactAuthorization,
  redactHeaders,
} from '../../../src/mock/http/redact.js';
import { Redactor, type RawRequest } from '../../../src/mock/http/redactor.js';

const basic = (s: string) => 'Basic ' + Buffer.from(s).toString('base64');

describe('redaction', () => {
  it('Basic keeps only the username; other schemes keep only their name', () => {
    expect(redactAuthorization(basic('SK123:secret'))).toBe('Basic <redacted:SK123>');
    expect(redactAuthorization('SSWS 00abc')).toBe('SSWS <redacted>');
    expect(redactAuthorization('Bearer eyJ')).toBe('Bearer <redacted>');
    expect(redactAuthorization('justatoken')).toBe('<redacted>');
    expect(redactAuthorization('Basic !!!')).toBe('Basic <redacted>');
    expect(basicUser(Buffer.from('AC1:tok').toString('base64'))).toBe('AC1');
  });

  it('Basic with an empty password hides the username too: it is the credential (Stripe-style keys)', () => {
    expect(redactAuthorization(basic('sk_live_abc123:'))).toBe('Basic <redacted>');
    expect(authorizationSecret(basic('sk_live_abc123:'))).toBe('sk_live_abc123');
    expect(authorizationSecret(basic('SK1:the-secret'))).toBe('the-secret');
    expect(authorizationSecret('Bearer tok-123')).toBe('tok-123');
  });

  it('redacts every credential header and keeps the rest', () => {
    const h = redactHeaders({
      authorization: basic('u:p'),
      cookie: 'sid=1',
      'x-api-key': 'k',
      'x-custom-auth': 'c',
      'x-auth-token': 't',
      accept: 'application/json',
      'x-request-id': 'r1',
      'x-multi': ['a', 'b'] as unknown as string,
    });
    expect(h).toEqual({
      authorization: 'Basic <redacted:u>',
      cookie: '<redacted>',
      'x-api-key': '<redacted>',
      'x-custom-auth': '<redacted>',
      'x-auth-token': '<redacted>',
      accept: 'application/json',
      'x-request-id': 'r1',
      'x-multi': 'a, b',
    });
    expect(JSON.stringify(h)).not.toContain(':p');
  });
});

describe('credential names: judged by whole words, so unrelated names stay readable', () => {
  it.each([
    'api_key',
    'API_KEY',
    'apiKey',
    'apikey',
    'token',
    'access_token',
    'Access-Token',
    'refresh_token',
    'password',
    'newPassword',
    'passwd',
    'secret',
    'client_secret',
    'AuthToken',
    'X-Custom-Auth',
    'x-auth',
    'X-API-Key',
    'x-access-key',
    'signature',
    'session_id',
    'key',
    'sig',
    'pass',
    'credentials',
  ])('%s is a credential', (name) => expect(isCredentialName(name)).toBe(true));

  it.each([
    'execution_id',
    'requestType',
    'author',
    'authorId',
    'To',
    'From',
    'Body',
    'MediaUrl',
    'StatusCallback',
    'MessagingServiceSid',
    'PageSize',
    'PageToken',
    'next_token',
    'keyword',
    'tokenizer',
    'monkey',
    'passenger',
    'x-request-id',
  ])('%s is not', (name) => expect(isCredentialName(name)).toBe(false));

  it('splits names into words', () => {
    expect(nameWords('X-API-Key')).toEqual(['x', 'api', 'key']);
    expect(nameWords('AuthToken')).toEqual(['auth', 'token']);
    expect(nameWords('HTTPSProxyURL')).toEqual(['https', 'proxy', 'url']);
  });
});

const raw = (over: Partial<RawRequest>): RawRequest => ({
  method: 'POST',
  path: '/x',
  search: '',
  headers: {},
  status: 200,
  ...over,
});

describe('Redactor', () => {
  it('hides declared locations (case-insensitive) and names, keeps the rest', () => {
    const r = new Redactor({
      locations: [
        { in: 'header', name: 'X-Tenant-Pass' },
        { in: 'query', name: 'k' },
        { in: 'body', name: 'PIN' },
      ],
    });
    const out = r.record(
      raw({
        search: 'k=abc&K=def&execution_id=e1&api_key=zz',
        headers: { 'x-tenant-pass': 'tp', accept: '*/*' },
        form: { pin: '1234', requestType: 'com.okta.telephony.provider', To: '+1555' },
      }),
    );
    expect(out.query).toEqual({
      k: '<redacted>',
      K: '<redacted>',
      execution_id: 'e1',
      api_key: '<redacted>',
    });
    expect(out.headers).toEqual({ 'x-tenant-pass': '<redacted>', accept: '*/*' });
    expect(out.form).toEqual({ pin: '<redacted>', requestType: 'com.okta.telephony.provider', To: '+1555' });
  });

  it('hides a known secret wherever it travels: whole values always, inside text only when long enough', () => {
    const r = new Redactor({ secrets: ['LongSecretValue-1', 'short1', 'ab'] });
    expect(r.text('LongSecretValue-1')).toBe('<redacted>');
    expect(r.text('prefix LongSecretValue-1 suffix')).toBe('prefix <redacted> suffix');
    expect(r.text('short1')).toBe('<redacted>');
    expect(r.text('short12')).toBe('short12'); // never by substring of a short secret
    expect(r.text('ab')).toBe('ab'); // too short to hunt at all: hidden only at its credential location
    expect(r.text('/v1/LongSecretValue-1/items')).toBe('/v1/<redacted>/items');
  });

  it('learns secrets from credential locations across a batch and hides them everywhere', () => {
    const r = new Redactor();
    const [a, b] = r.records([
      raw({ path: '/users/learned-secret-xyz' }),
      raw({
        headers: { 'x-api-key': 'learned-secret-xyz' },
        form: { note: 'has learned-secret-xyz inside' },
      }),
    ]);
    expect(a!.path).toBe('/users/<redacted>');
    expect(b!.headers['x-api-key']).toBe('<redacted>');
    expect(b!.form).toEqual({ note: 'has <redacted> inside' });
  });

  it('a field named __proto__ stays a plain field', () => {
    const out = new Redactor().fields('body', JSON.parse('{"__proto__":"x","To":"y"}'));
    expect(Object.keys(out)).toEqual(['__proto__', 'To']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});

describe('RequestLog', () => {
  it('keeps order and drops the oldest beyond its cap (a ring)', () => {
    const log = new RequestLog(4);
    for (let i = 0; i < 10; i++)
      log.add({ method: 'GET', path: `/${i}`, query: {}, headers: {}, status: 200 });
    expect(log.list().map((r) => r.path)).toEqual(['/6', '/7', '/8', '/9']);
    expect(log.length).toBe(4);
    expect(log.droppedCount).toBe(6);
    log.clear();
    expect(log.list()).toEqual([]);
  });

  it('a cap of 0 keeps nothing; a bad cap is refused', () => {
    const log = new RequestLog<number>(0);
    log.add(1);
    expect(log.list()).toEqual([]);
    expect(log.droppedCount).toBe(1);
    expect(() => new RequestLog(-1)).toThrow(RangeError);
  });
});
