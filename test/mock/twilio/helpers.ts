import type twilio6 from 'twilio';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadValidators, type Validators } from './schema.js';
import {
  DEFAULT_CREDENTIALS as C,
  startMockTwilio,
  type MockTwilio,
  type StartMockTwilioOptions,
} from '../../../src/mock/twilio/index.js';

export const C_AUTH_KEY = 'Basic ' + Buffer.from(`${C.apiKeySid}:${C.apiKeySecret}`).toString('base64');
export const C_AUTH_TOKEN = 'Basic ' + Buffer.from(`${C.accountSid}:${C.authToken}`).toString('base64');
export const ACCOUNT = C.accountSid;
export const MESSAGES = `/2010-04-01/Accounts/${C.accountSid}/Messages.json`;
export const messageUri = (sid: string) => `/2010-04-01/Accounts/${C.accountSid}/Messages/${sid}.json`;

/** Starts one mock for the file's tests (fast lifecycle) and closes it afterwards. */
export function useMock(options: StartMockTwilioOptions = {}): () => MockTwilio {
  let mock: MockTwilio | undefined;
  beforeAll(async () => {
    mock = await startMockTwilio({ lifecycleStepMs: 2, ...options });
  });
  afterAll(async () => {
    await mock?.close();
  });
  return () => {
    if (!mock) throw new Error('mock not started');
    return mock;
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** One request with fetch; form objects are url-encoded with repeated keys for arrays. */
export async function call(
  mock: MockTwilio,
  method: string,
  path: string,
  form?: Record<string, string | string[]>,
  auth: string | null = C_AUTH_KEY,
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (auth) headers.authorization = auth;
  let body: string | undefined;
  if (form) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
    body = p.toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const res = await fetch(mock.url + path, { method, headers, body });
  const text = await res.text();
  const reply = {
    status: res.status,
    headers: res.headers,
    body: text === '' ? undefined : JSON.parse(text),
  };
  expectTwilioShape(reply);
  return reply;
}

let validators: Validators | undefined;

/**
 * Every reply any test gets through call() is checked against twilio-oai plus the strict overlay (reference
 * §5.3): a message, a list page, Twilio's error body, or an empty 204.
 */
export function expectTwilioShape(r: Reply): void {
  validators ??= loadValidators();
  if (r.status === 204) return expect(r.body).toBeUndefined();
  const v = r.status >= 400 ? validators.error : 'messages' in r.body ? validators.list : validators.message;
  expect(v(r.body), `${r.status} ${JSON.stringify(v.errors)}`).toBe(true);
  if (r.status >= 400) expect(r.body.status).toBe(r.status);
  expect(r.headers.get('content-type')).toBe('application/json');
}

export const create = (mock: MockTwilio, form: Record<string, string | string[]>, auth?: string | null) =>
  call(mock, 'POST', MESSAGES, form, auth);

export const SMS = { To: '+14155550100', From: '+15005550006', Body: 'hello' };

type RequestOptions<T> = import('twilio/lib/base/RequestClient.js').RequestOptions<T>;

/**
 * An official Twilio client (6.x, or 5.x cast to its type) talking to the mock at `base`: reference §1.3 (B),
 * the origin of every request is rewritten to the mock, whatever region/edge is set.
 */
export function localClient(sdk: typeof twilio6, base: string, creds: 'api-key' | 'auth-token' = 'api-key') {
  class LocalRequestClient extends sdk.RequestClient {
    override request<T>(opts: RequestOptions<T>) {
      const u = new URL(opts.uri);
      const b = new URL(base);
      u.protocol = b.protocol;
      u.host = b.host;
      return super.request<T>({ ...opts, uri: u.toString() });
    }
  }
  const httpClient = new LocalRequestClient();
  return creds === 'api-key'
    ? sdk(C.apiKeySid, C.apiKeySecret, { accountSid: C.accountSid, httpClient })
    : sdk(C.accountSid, C.authToken, { httpClient });
}
