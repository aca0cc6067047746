import { isSecretHeader } from '../util/secret-headers.js';

/**
 * The one place that decides what a trace may show. Trace events never carry secrets: auth headers, token/secret/key
 * headers, and values of fields named like passwords, secrets or tokens are replaced by REDACTED.
 */
export const REDACTED = '«redacted»';

/** Field names whose values are secret (inputs, outputs, nested object keys, query parameters). */
const SECRET_NAME =
  /pass(word|wd)?$|password|secret|token|api[-_ ]?key|private[-_ ]?key|authorization|credential/i;

/** Cheap pre-check over whole texts: no match means nothing in them can need redaction. */
const MAYBE_SECRET = /pass|secret|token|api[-_ ]?key|private[-_ ]?key|authorization|credential/i;

export { isSecretHeader };

// Field names repeat on every card of every run: remember the verdicts (bounded, so hostile input cannot grow it).
const verdicts = new Map<string, boolean>();

export function isSecretName(name: string): boolean {
  let v = verdicts.get(name);
  if (v === undefined) {
    v = SECRET_NAME.test(name);
    if (verdicts.size < 10_000) verdicts.set(name, v);
  }
  return v;
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
  if (q < 0 || !MAYBE_SECRET.test(url)) return url;
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
    const r =
      isSecretName(k) && v !== null && v !== undefined && v !== '' ? REDACTED : redactValues(v, depth + 1);
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

/** Redacts secret-named fields in a JSON or form-urlencoded body (same reference when nothing to hide). */
export function redactBody<T extends { body?: string }>(msg: T): T {
  const body = msg.body;
  if (!body || !MAYBE_SECRET.test(body)) return msg;
  const t = body.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(body);
      const r = redactValues(parsed);
      return r === parsed ? msg : { ...msg, body: JSON.stringify(r) };
    } catch {
      return msg;
    }
  }
  if (/^[^=&\s]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(body)) {
    const r = redactUrl(`?${body}`).slice(1);
    return r === body ? msg : { ...msg, body: r };
  }
  return msg;
}

/**
 * Per-run secret tracking for traces. Values found under secret-named keys become known secrets; a card whose
 * inputs carry a known secret by value (e.g. Concatenate(user, ":", password), then Base64) taints its text
 * outputs, so derived credentials are hidden too. Any text containing a known secret is masked.
 */
export class SecretScrubber {
  private readonly known = new Set<string>();
  private list: string[] = [];
  // Values repeat across cards (the same auth object, the same texts): memoize verdicts until a secret is added.
  private texts = new Map<string, string>();
  private objects = new WeakMap<object, { out: unknown; hit: boolean }>();
  /** Set by scrub() when a value matched a known secret by value (not by key). */
  hit = false;

  /** Secrets shorter than this are only masked when a whole value equals them (avoids masking "pw" in words). */
  static readonly MIN_SUBSTRING = 4;

  add(v: unknown): void {
    if (typeof v === 'string') {
      if (v === '' || v === REDACTED || this.known.has(v)) return;
      this.known.add(v);
      this.list = [...this.known].sort((a, b) => b.length - a.length);
      this.texts = new Map();
      this.objects = new WeakMap();
    } else if (v && typeof v === 'object') {
      for (const x of Object.values(v)) this.add(x);
    }
  }

  text(s: string): string {
    if (this.list.length === 0 || s === REDACTED) return s;
    let out = this.texts.get(s);
    if (out === undefined) {
      if (this.known.has(s)) out = REDACTED;
      else {
        out = s;
        for (const secret of this.list) {
          if (secret.length >= SecretScrubber.MIN_SUBSTRING && out.includes(secret))
            out = out.split(secret).join(REDACTED);
        }
      }
      if (this.texts.size < 5_000) this.texts.set(s, out);
    }
    if (out !== s) this.hit = true;
    return out;
  }

  /** A trace-safe view of `value`: secret-named keys redacted (and remembered), known secrets masked. */
  scrub<T>(value: T, depth = 0): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (depth > 6 || value === null || typeof value !== 'object') return value;
    const cached = this.objects.get(value);
    if (cached) {
      if (cached.hit) this.hit = true;
      return cached.out as T;
    }
    const outerHit = this.hit;
    this.hit = false;
    let out: unknown = value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const r = this.scrub(value[i], depth + 1);
        if (r !== value[i]) (copy ??= value.slice())[i] = r;
      }
      out = copy ?? value;
    } else {
      const rec = value as Record<string, unknown>;
      let copy: Record<string, unknown> | undefined;
      for (const k of Object.keys(rec)) {
        const v = rec[k];
        let r: unknown;
        if (isSecretName(k) && v !== null && v !== undefined && v !== '') {
          this.add(v);
          r = REDACTED;
        } else r = this.scrub(v, depth + 1);
        if (r !== v) (copy ??= { ...rec })[k] = r;
      }
      out = copy ?? value;
    }
    const hit = this.hit;
    this.hit = outerHit || hit;
    this.objects.set(value, { out, hit });
    return out as T;
  }

  /** Taints the text outputs of a card whose inputs carried a secret. */
  taint(outputs: Record<string, unknown>): void {
    for (const v of Object.values(outputs))
      if (typeof v === 'string' && v.length >= SecretScrubber.MIN_SUBSTRING) this.add(v);
  }

  /** An HTTP request/response for a trace: auth headers, secret fields and known secrets masked. */
  http<T extends { headers: Record<string, string>; url?: string; body?: string }>(msg: T): T {
    const base = redactBody(redactHttp(msg));
    const headers = this.scrub(base.headers);
    const url = base.url === undefined ? undefined : this.text(base.url);
    const body = base.body === undefined ? undefined : this.text(base.body);
    if (headers === base.headers && url === base.url && body === base.body) return base;
    const out = { ...base, headers };
    if (url !== undefined) out.url = url;
    if (body !== undefined) out.body = body;
    return out;
  }
}
