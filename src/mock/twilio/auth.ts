import { secretEquals } from '../http/constant-time.js';
import { TWILIO_ERRORS, TwilioApiError } from './errors.js';
import type { AccountState, MockState } from './state.js';

const CHALLENGE = { 'WWW-Authenticate': 'Basic realm="Twilio API"' };
/** Compared against when the SID names no key, so a wrong SID costs the same as a wrong secret. */
const NO_SECRET = Buffer.alloc(32);

/**
 * HTTP Basic with the Account SID + auth token, or an API Key SID (`SK...`) + secret owned by the account in the
 * path (reference §4). Anything else is 401 / 20003 with `WWW-Authenticate`. Secrets are compared in constant
 * time; SIDs are identifiers, not secrets.
 */
export function authenticate(header: string | undefined, accountSid: string, state: MockState): AccountState {
  if (!header) throw new TwilioApiError(TWILIO_ERRORS.noCredentials, {}, CHALLENGE);
  const creds = parseBasicOnce(header);
  const account = state.accounts.get(accountSid);
  if (creds && account) {
    const { user, secret } = creds;
    if (user === accountSid) {
      if (secretEquals(secret, account.authToken)) return account;
    } else {
      const key = user.startsWith('SK') ? state.apiKeys.get(user) : undefined;
      const match = secretEquals(secret, key?.secret ?? NO_SECRET);
      if (match && key?.accountSid === accountSid) return account;
    }
  }
  throw new TwilioApiError(
    TWILIO_ERRORS.authenticate,
    {},
    CHALLENGE,
    'Your AccountSid or AuthToken was incorrect.',
  );
}

interface BasicCredentials {
  user: string;
  secret: Buffer;
}

// A client sends the same header with every request: decoding it (a regex, base64, UTF-8) was ~5% of the mock's
// time under load (bench/mock-twilio.ts). The decoding depends on the header alone, so the last one is kept; the
// secret is still compared with the account's on every request.
let lastHeader: string | undefined;
let lastCredentials: BasicCredentials | undefined;

function parseBasicOnce(header: string): BasicCredentials | undefined {
  if (header !== lastHeader) {
    lastCredentials = parseBasic(header);
    lastHeader = header;
  }
  return lastCredentials;
}

/** `Basic base64(user:secret)`; the secret stays bytes for the comparison. */
function parseBasic(header: string): BasicCredentials | undefined {
  const m = /^basic\s+(\S+)\s*$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64');
  const colon = decoded.indexOf(0x3a);
  if (colon < 0) return undefined;
  return { user: decoded.toString('utf8', 0, colon), secret: decoded.subarray(colon + 1) };
}
