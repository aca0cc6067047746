import type { IncomingHttpHeaders } from 'node:http';
import { isSecretHeader } from '../../util/secret-headers.js';

/**
 * `Basic <base64 user:secret>` becomes `Basic <redacted:user>` (the username is an SID, not a secret);
 * any other scheme keeps only its name (`SSWS <redacted>`, `Bearer <redacted>`).
 */
export function redactAuthorization(value: string): string {
  const space = value.indexOf(' ');
  const scheme = space < 0 ? value : value.slice(0, space);
  if (scheme.toLowerCase() === 'basic' && space > 0) {
    const user = basicUser(value.slice(space + 1));
    if (user !== undefined) return `Basic <redacted:${user}>`;
  }
  return space < 0 ? '<redacted>' : `${scheme} <redacted>`;
}

/** The username of a Basic credential, if it decodes to something printable. */
export function basicUser(token: string): string | undefined {
  const decoded = Buffer.from(token.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const user = decoded.slice(0, colon);
  return /^[\x21-\x7e]{0,64}$/.test(user) ? user : undefined;
}

/** Lower-case header names, one string per header, credentials redacted. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const raw = headers[name];
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    if (!isSecretHeader(name)) out[name] = value;
    else out[name] = name.endsWith('authorization') ? redactAuthorization(value) : '<redacted>';
  }
  return out;
}
