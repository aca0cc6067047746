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
/** Longest text a trace keeps of one value; the rest is summarised by its length. */
export const MAX_TRACE_TEXT = 2_000;
/** Entries kept of one list or object in a trace. */
export const MAX_TRACE_ITEMS = 100;
/** Levels of nesting a trace shows. */
export const MAX_TRACE_DEPTH = 8;
/** Values (texts, numbers, lists, objects) one trace value may show in all. */
export const MAX_TRACE_VALUES = 2_000;

export class SecretScrubber {
  private readonly known = new Set<string>();
  /** Field names whose values are secret besides the usual ones (a config value's key, such as `session`). */
  protected readonly secretKeys = new Set<string>();
  private list: string[] = [];
  // Values repeat across cards (the same auth object, the same texts): memoize verdicts until a secret is added.
  private texts = new Map<string, string>();
  protected objects = new WeakMap<object, { out: unknown; hit: boolean; size: number }>();
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

  /** Values under this field name are secret, like a password's: redacted by name wherever they appear. */
  addSecretKey(name: string): void {
    this.secretKeys.add(name);
    this.objects = new WeakMap();
  }

  text(s: string): string {
    if (s.length > MAX_TRACE_TEXT) {
      // Scrub a window longer than what is kept by the longest secret, so no secret is cut in half and shown.
      const head = this.mask(s.slice(0, MAX_TRACE_TEXT + (this.list[0]?.length ?? 0)));
      return `${head.slice(0, MAX_TRACE_TEXT)}… [${s.length} characters]`;
    }
    return this.mask(s);
  }

  /** Known secrets in `s` replaced by the redaction marker. */
  private mask(s: string): string {
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

  /**
   * A trace-safe, bounded view of `value`: secret-named keys redacted (and remembered), known secrets masked, and
   * the size capped (long texts cut with their length, at most MAX_TRACE_ITEMS entries per list or object,
   * MAX_TRACE_DEPTH levels, MAX_TRACE_VALUES values in all), so a flow that doubles a string or fans an object
   * out twenty times keeps a trace of kilobytes. The same object met again reuses its view (shared, not copied).
   */
  scrub<T>(value: T): T {
    this.budget = MAX_TRACE_VALUES;
    return this.view(value, 0) as T;
  }

  protected budget = MAX_TRACE_VALUES;

  // Protected, not private: test/simulate/redact-view.test.ts checks it against the view it replaced.
  protected view(value: unknown, depth: number): unknown {
    this.budget--;
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth >= MAX_TRACE_DEPTH || this.budget <= 0) {
      const count = Array.isArray(value) ? value.length : Object.keys(value).length;
      return `[${Array.isArray(value) ? 'list' : 'object'} of ${count} not shown: trace limit]`;
    }
    const cached = this.objects.get(value);
    if (cached && cached.size <= this.budget) {
      this.budget -= cached.size;
      if (cached.hit) this.hit = true;
      return cached.out;
    }
    const outerHit = this.hit;
    const budgetBefore = this.budget;
    this.hit = false;
    // Copies are made only once an entry differs (or the value is cut short): most values are shown as they are.
    let out: unknown;
    if (Array.isArray(value)) {
      const shown = Math.min(value.length, MAX_TRACE_ITEMS);
      let copy: unknown[] | undefined = value.length > MAX_TRACE_ITEMS ? value.slice(0, shown) : undefined;
      for (let i = 0; i < shown; i++) {
        if (!(i in value)) continue; // a hole stays a hole, as Array.prototype.map leaves it
        const item: unknown = value[i];
        const r = this.view(item, depth + 1);
        if (copy) copy[i] = r;
        else if (r !== item) (copy = value.slice(0, shown))[i] = r;
      }
      if (value.length > MAX_TRACE_ITEMS) copy!.push(`… ${value.length - MAX_TRACE_ITEMS} more items`);
      out = copy ?? value;
    } else {
      const rec = value as Record<string, unknown>;
      const keys = Object.keys(rec);
      const shown = Math.min(keys.length, MAX_TRACE_ITEMS);
      let copy: Record<string, unknown> | undefined = keys.length > MAX_TRACE_ITEMS ? {} : undefined;
      for (let i = 0; i < shown; i++) {
        const k = keys[i]!;
        const v = rec[k];
        let r: unknown;
        if ((isSecretName(k) || this.secretKeys.has(k)) && v !== null && v !== undefined && v !== '') {
          this.add(v);
          r = REDACTED;
        } else r = this.view(v, depth + 1);
        if (copy) copy[k] = r;
        else if (r !== v) (copy = { ...rec })[k] = r;
      }
      if (keys.length > MAX_TRACE_ITEMS) copy!['…'] = `${keys.length - MAX_TRACE_ITEMS} more keys`;
      out = copy ?? value;
    }
    const hit = this.hit;
    this.hit = outerHit || hit;
    if (this.budget > 0) this.objects.set(value, { out, hit, size: budgetBefore - this.budget });
    return out;
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
