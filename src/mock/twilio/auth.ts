import { TWILIO_ERRORS, TwilioApiError } from './errors.js';
import type { AccountState, MockState } from './state.js';

const CHALLENGE = { 'WWW-Authenticate': 'Basic realm="Twilio API"' };

/**
 * HTTP Basic with the Account SID + auth token, or an API Key SID (`SK...`) + secret owned by the account in the
 * path (reference §4). Anything else is 401 / 20003 with `WWW-Authenticate`.
 */
export function authenticate(header: string | undefined, accountSid: string, state: MockState): AccountState {
  if (!header) throw new TwilioApiError(TWILIO_ERRORS.noCredentials, {}, CHALLENGE);
  const creds = parseBasic(header);
  const account = state.accounts.get(accountSid);
  if (creds && account) {
    const { user, secret } = creds;
    if (user === accountSid && account.authToken === secret) return account;
    const key = user.startsWith('SK') ? state.apiKeys.get(user) : undefined;
    if (key && key.accountSid === accountSid && key.secret === secret) return account;
  }
  throw new TwilioApiError(
    TWILIO_ERRORS.authenticate,
    {},
    CHALLENGE,
    'Your AccountSid or AuthToken was incorrect.',
  );
}

function parseBasic(header: string): { user: string; secret: string } | undefined {
  const m = /^basic\s+(\S+)\s*$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
