import { isSecretHeader } from '../../util/secret-headers.js';

/** Where a connector sends a credential: a header, a query parameter or a body (form) field, by name. */
export interface CredentialLocation {
  in: 'header' | 'query' | 'body';
  /** Compared case-insensitively. */
  name: string;
}

/** What replaces a credential in anything a mock shows (request log, `/__mock/requests`, console). */
export const REDACTED = '<redacted>';

/**
 * Words that make a name a credential's name. A name is split into words (`X-Custom-Auth` → x, custom, auth;
 * `AuthToken` → auth, token; `execution_id` → execution, id) and judged by whole words, so `author`,
 * `requestType` or `tokenizer` stay readable.
 */
const SECRET_WORDS = new Set([
  'auth', 'authorization', 'authentication', 'token', 'secret', 'password', 'passwd', 'passphrase', 'pwd',
  'credential', 'credentials', 'apikey', 'signature', 'cookie', 'session', 'sessionid', 'jwt', 'bearer',
  'privatekey', 'accesskey', 'secretkey',
]); // prettier-ignore
/** Two adjacent words that together name a credential (`api_key`, `x-access-key`, `private-key`). */
const SECRET_PAIRS = new Set(['api key', 'access key', 'private key', 'secret key', 'client secret']);
/** Paging and bookkeeping tokens that grant nothing (`PageToken`, `next_token`): shown as they are. */
const PLAIN_PAIRS = new Set(['page token', 'next token', 'continuation token', 'cursor token', 'sync token']);
/** Short names that are credentials only on their own (`?key=`, `?sig=`, `pass=`). */
const SECRET_WHOLE = new Set(['key', 'sig', 'pass', 'pin']);

/** Splits `X-API-Key`, `apiKey`, `access_token`, `AuthToken` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

// The same few names come with every request: remember verdicts (bounded, so hostile names cannot grow it).
const verdicts = new Map<string, boolean>();

/** True when a header, query parameter or form field of this name carries a credential. */
export function isCredentialName(name: string): boolean {
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    const words = nameWords(name);
    const pair = (i: number) => (i > 0 ? `${words[i - 1]} ${words[i]}` : '');
    verdict =
      SECRET_WHOLE.has(words.join('')) ||
      words.some((w, i) => (SECRET_WORDS.has(w) && !PLAIN_PAIRS.has(pair(i))) || SECRET_PAIRS.has(pair(i)));
    if (verdicts.size < 10_000) verdicts.set(name, verdict);
  }
  return verdict;
}

/** A header is a credential by the shared header list (src/util/secret-headers.ts) or by its name's words. */
export function isCredentialHeader(name: string): boolean {
  return isSecretHeader(name) || isCredentialName(name);
}
