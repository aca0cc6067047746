import { childPointer, isObject, type FieldInfo } from '../../flopack/read/index.js';
import { cardWhere, fieldValue, valuePointer } from '../describe.js';
import { lintRule } from '../types.js';

const AUTH_SCHEME = /\b(Basic|Bearer|SSWS)\s+([A-Za-z0-9+/=._~-]{16,})/;
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@{}]+:[^/\s@{}]+@/i;
const SENSITIVE_KEY =
  /^(authorization|proxy-authorization|x-api-key|api[-_ ]?key|apikey|api[-_ ]?secret|client[-_ ]?secret|password|passwd|secret|auth[-_ ]?token|access[-_ ]?token|x-auth-token|private[-_ ]?key)$/i;
/** A Twilio Account/API-key SID followed by its secret, as in `AC…:token` before Base64. */
const TWILIO_PAIR = /\b(AC|SK)[0-9a-f]{32}:[A-Za-z0-9]{32}\b/;
/** A bare 32-hex string (a Twilio auth token's shape); SIDs are excluded by the letter prefix. */
const HEX32 = /(?<![A-Za-z0-9])[0-9a-f]{32}(?![A-Za-z0-9])/;

/** What kind of credential `text` (stored under `key`) looks like; never returns the value itself. */
function credentialKind(key: string, text: string, twilioCard: boolean): string | undefined {
  const scheme = AUTH_SCHEME.exec(text);
  if (scheme && /\d/.test(scheme[2]!) && !scheme[2]!.includes('{{'))
    return `a static "${scheme[1]} …" credential`;
  if (URL_PASSWORD.test(text)) return 'a password inside a URL';
  if (TWILIO_PAIR.test(text)) return 'a Twilio SID:secret pair';
  if (SENSITIVE_KEY.test(key.trim()) && text.trim().length >= 6 && !text.includes('{{')) {
    return `a static value for ${JSON.stringify(key)}`;
  }
  if (twilioCard && HEX32.test(text)) return 'what looks like a Twilio auth token';
  return undefined;
}

interface Hit {
  path: Array<string | number>;
  key: string;
  text: string;
}

/**
 * Strings that could be a credential is no string shorter than this: each pattern of credentialKind, and `twilio`,
 * needs at least 6 characters. Skipping them spares a hit for each of the many empty inputs of a large flow.
 */
const SHORTEST = 6;

/** Strings inside a static value, with the object key each sits under (bounded depth: these are small). */
function strings(value: unknown, key: string, path: Array<string | number>, out: Hit[], depth = 0): Hit[] {
  if (typeof value === 'string') {
    if (value.length >= SHORTEST) out.push({ path, key, text: value });
  } else if (depth < 6 && Array.isArray(value))
    value.forEach((v, i) => strings(v, key, [...path, i], out, depth + 1));
  else if (depth < 6 && isObject(value)) {
    for (const [k, v] of Object.entries(value)) strings(v, k, [...path, k], out, depth + 1);
  }
  return out;
}

/** The strings of a static value, or undefined when it can hold none long enough (most inputs: no list made). */
function staticStrings(io: FieldInfo): Hit[] | undefined {
  const value = fieldValue(io);
  if (!value || value.type === 'flo') return undefined;
  const data = value.data;
  if (typeof data === 'string' ? data.length < SHORTEST : data === null || typeof data !== 'object') {
    return undefined;
  }
  return strings(data, io.key, [], []);
}

/**
 * Secrets typed into cards end up in every export and every copy of it (COMMON rules: secrets never appear in
 * artifacts). Connections (`configs`) or flow inputs should carry them. The message never repeats the value.
 */
export const credentialLiteralRule = lintRule('OC-FLOPACK-CREDENTIAL-LITERAL', 'error', {
  description:
    'no credential-looking literals in card inputs (static Authorization headers, tokens, URL passwords)',
  card(card, ctx) {
    let hits: Array<{ io: FieldInfo; found: Hit[] }> | undefined;
    for (const io of card.inputs.values()) {
      const found = staticStrings(io);
      if (found?.length) (hits ??= []).push({ io, found });
    }
    if (!hits) return;
    const twilioCard = hits.some(({ found }) => found.some((h) => /twilio/i.test(h.text)));
    for (const { io, found } of hits) {
      for (const hit of found) {
        const kind = credentialKind(hit.key, hit.text, twilioCard);
        if (!kind) continue;
        let pointer = valuePointer(card, io);
        for (const seg of hit.path) pointer = childPointer(pointer, seg);
        ctx.report({
          message: `${io.side} ${JSON.stringify(io.key)} holds ${kind}; secrets must not be stored in a flow`,
          pointer,
          where: cardWhere(card),
          hint: 'use a connection, or pass the secret in as a flow input, instead of a literal value',
        });
      }
    }
  },
});
