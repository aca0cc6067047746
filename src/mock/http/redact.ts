import type { IncomingHttpHeaders } from 'node:http';
import { isCredentialHeader, REDACTED } from './credentials.js';

/**
 * `Basic <base64 user:secret>` becomes `Basic <redacted:user>` (the username is an SID, not a secret, unless the
 * password is empty: then the username is the credential, as with Stripe-style keys, and is hidden too);
 * any other scheme keeps only its name (`SSWS <redacted>`, `Bearer <redacted>`).
 */
export function redactAuthorization(value: string): string {
  const space = value.indexOf(' ');
  const scheme = space < 0 ? value : value.slice(0, space);
  if (scheme.toLowerCase() === 'basic' && space > 0) {
    const user = basicUser(value.slice(space + 1));
    if (user !== undefined) return `Basic <redacted:${user}>`;
  }
  return space < 0 ? REDACTED : `${scheme} ${REDACTED}`;
}

/** The username of a Basic credential, if it decodes to something printable and a password follows it. */
export function basicUser(token: string): string | undefined {
  const decoded = Buffer.from(token.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0 || colon === decoded.length - 1) return undefined;
  const user = decoded.slice(0, colon);
  return /^[\x21-\x7e]{0,64}$/.test(user) ? user : undefined;
}

/** The secret part of an Authorization value: Basic's password (or a lone username), or what follows the scheme. */
export function authorizationSecret(value: string): string | undefined {
  const space = value.indexOf(' ');
  if (space < 0) return value.trim() || undefined;
  const rest = value.slice(space + 1).trim();
  if (value.slice(0, space).toLowerCase() !== 'basic') return rest || undefined;
  const decoded = Buffer.from(rest, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return decoded.slice(colon + 1) || decoded.slice(0, colon) || undefined;
}

/**
 * Lower-case header names, one string per header, credentials redacted: Authorization as above, and every
 * header named like a credential (cookies, signatures, `X-API-Key`, `X-Custom-Auth`, `X-Auth-Token`, ...).
 */
export function redactHeaders(
  headers: IncomingHttpHeaders,
  isSecret: (name: string) => boolean = isCredentialHeader,
  /** Applied to every value shown (e.g. to hide known secret values in other headers). */
  mask: (value: string) => string = (value) => value,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const raw = headers[name];
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    if (!isSecret(name)) out[name] = mask(value);
    else out[name] = name.endsWith('authorization') ? mask(redactAuthorization(value)) : REDACTED;
  }
  return out;
}
