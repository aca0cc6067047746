/**
 * The one place that decides what a trace may show. Trace events never carry secrets: auth headers, token/secret/key
 * headers, and values of fields named like passwords, secrets or tokens are replaced by REDACTED.
 */
export const REDACTED = '«redacted»';

const SECRET_HEADER = /^(authorization|proxy-authorization|x-api-client-token|cookie|set-cookie)$|token|secret|key/i;
/** Field names whose values are secret (inputs, outputs, nested object keys, query parameters). */
const SECRET_NAME = /pass(word|wd)?$|password|secret|token|api[-_ ]?key|private[-_ ]?key|authorization|credential/i;

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name);
}

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** A copy of `headers` with secret-carrying headers (that have a value) replaced. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  let out: Record<string, string> | undefined;
  for (const k of Object.keys(headers)) {
    if (isSecretHeader(k) && headers[k] !== '') {
      out ??= { ...headers };
      out[k] = REDACTED;
    }
  }
  return out ?? headers;
}

/** Redacts secret-named query parameters (e.g. `clientToken=`) in a URL. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((p) => {
      const eq = p.indexOf('=');
      if (eq < 0) return p;
      let name = p.slice(0, eq);
      try {
        name = decodeURIComponent(name);
      } catch {
        /* keep raw */
      }
      return isSecretName(name) ? `${p.slice(0, eq)}=${encodeURIComponent(REDACTED)}` : p;
    });
  return url.slice(0, q + 1) + parts.join('&');
}

/**
 * Redacts values of secret-named keys, recursing into plain objects and arrays (bounded depth). Returns the same
 * reference when nothing needs hiding, so tracing stays cheap.
 */
export function redactValues<T>(value: T, depth = 0): T {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const r = redactValues(value[i], depth + 1);
      if (r !== value[i]) (copy ??= value.slice())[i] = r;
    }
    return (copy ?? value) as T;
  }
  const rec = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const k of Object.keys(rec)) {
    const v = rec[k];
    const r = isSecretName(k) && v !== null && v !== undefined && v !== '' ? REDACTED : redactValues(v, depth + 1);
    if (r !== v) (copy ??= { ...rec })[k] = r;
  }
  return (copy ?? value) as T;
}

/** An HTTP request/response safe for a trace. */
export function redactHttp<T extends { headers: Record<string, string>; url?: string }>(msg: T): T {
  const headers = redactHeaders(msg.headers);
  const url = msg.url === undefined ? undefined : redactUrl(msg.url);
  if (headers === msg.headers && url === msg.url) return msg;
  return url === undefined ? { ...msg, headers } : { ...msg, headers, url };
}
