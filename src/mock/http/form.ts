/** Decoded `application/x-www-form-urlencoded` or query fields; a repeated key becomes an array. */
export type FormFields = Record<string, string | string[]>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a form body strictly: invalid UTF-8 (raw or percent-encoded) and broken `%` escapes throw, unlike
 * URLSearchParams, which silently substitutes U+FFFD.
 */
export function parseForm(body: Buffer | string): FormFields {
  const text = typeof body === 'string' ? body : utf8.decode(body);
  return parsePairs(text);
}

/** Like parseForm for a URL's search part (without `?`), but never throws: bad escapes are kept verbatim. */
export function parseQuery(search: string): FormFields {
  try {
    return parsePairs(search);
  } catch {
    const out: FormFields = {};
    for (const [k, v] of new URLSearchParams(search)) add(out, k, v);
    return out;
  }
}

function parsePairs(text: string): FormFields {
  const out: FormFields = {};
  if (text === '') return out;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    add(out, decode(rawKey), decode(rawValue));
  }
  return out;
}

function decode(s: string): string {
  const plus = s.includes('+') ? s.replace(/\+/g, ' ') : s;
  return plus.includes('%') ? decodeURIComponent(plus) : plus;
}

function add(out: FormFields, key: string, value: string): void {
  // Own-property check: a field named "__proto__" or "constructor" must not touch the prototype.
  if (!Object.hasOwn(out, key)) return setOwn(out, key, value);
  const prev = out[key]!;
  if (Array.isArray(prev)) prev.push(value);
  else out[key] = [prev, value];
}

/** Sets an own field; only `__proto__` needs defineProperty (a plain assignment would set the prototype). */
export function setOwn(out: FormFields, key: string, value: string | string[]): void {
  if (key === '__proto__')
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** The first value of a field, or undefined. */
export function first(fields: FormFields, key: string): string | undefined {
  if (!Object.hasOwn(fields, key)) return undefined;
  const v = fields[key];
  return Array.isArray(v) ? v[0] : v;
}

/** Every value of a field (a repeated key such as Twilio's `MediaUrl`). */
export function all(fields: FormFields, key: string): string[] {
  if (!Object.hasOwn(fields, key)) return [];
  const v = fields[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
