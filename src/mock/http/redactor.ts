import type { IncomingHttpHeaders } from 'node:http';
import { isCredentialHeader, isCredentialName, REDACTED, type CredentialLocation } from './credentials.js';
import { parseQuery, setOwn, type FormFields } from './form.js';
import type { RecordedRequest } from './record.js';
import { authorizationSecret, basicUser, redactHeaders } from './redact.js';

/** What a mock keeps of a request: the raw parts, redacted only when someone reads the log (most never do). */
export interface RawRequest {
  method: string;
  /** The path without the query. */
  path: string;
  /** The query without `?`. */
  search: string;
  headers: IncomingHttpHeaders;
  /** Parsed form fields of a form-encoded body, when the mock read one. */
  form?: FormFields;
  /** The status answered; 0 while unanswered or when the client hung up. */
  status: number;
}

export interface RedactorOptions {
  /** Places the connector puts its credentials, beyond those recognised by name (`X-Tenant-Pass`, `?k=`). */
  locations?: readonly CredentialLocation[];
  /** Credential values known in advance (seeded tokens, a connection's secret parameters): hidden anywhere. */
  secrets?: Iterable<string>;
}

/** A known secret is hidden inside longer text only from this length; shorter ones only as a whole value. */
export const MIN_SUBSTRING_SECRET = 8;
/**
 * Shorter secrets are hidden at their credential location only, never hunted elsewhere: a 2-character PIN
 * would otherwise hide every unrelated value that happens to equal it (`Page=42`, `execution_id=1`).
 */
const MIN_KNOWN_SECRET = 6;
/** Bound on secrets learned from traffic, so hostile requests cannot grow memory or slow every read. */
const MAX_LEARNED = 256;

/**
 * Decides what a mock may show of a request. Credentials are hidden by location and name (Authorization,
 * `X-API-Key`, `?access_token=`, `password=`, and the connector's declared locations) and by exact known value
 * (seeded secrets, declared secrets, and values seen at a credential location), so a secret that also travels
 * in the path or in another field is hidden there too. Unrelated values stay readable: a known secret is
 * masked inside longer text only when it is at least MIN_SUBSTRING_SECRET characters long.
 */
export class Redactor {
  private readonly headerNames = new Set<string>();
  private readonly queryNames = new Set<string>();
  private readonly fieldNames = new Set<string>();
  private readonly known = new Set<string>();
  /** Known secrets long enough to hunt inside text, longest first (so overlapping secrets mask fully). */
  private long: string[] = [];
  private learned = 0;

  constructor(options: RedactorOptions = {}) {
    for (const l of options.locations ?? []) {
      const names =
        l.in === 'header' ? this.headerNames : l.in === 'query' ? this.queryNames : this.fieldNames;
      names.add(l.name.toLowerCase());
    }
    for (const s of options.secrets ?? []) this.addSecret(s);
  }

  /** Hides this value wherever it appears from now on (reads of the log made before are unaffected). */
  addSecret(value: string): void {
    if (value.length < MIN_KNOWN_SECRET || this.known.has(value)) return;
    this.known.add(value);
    const encoded = encodeURIComponent(value);
    if (encoded !== value) this.known.add(encoded);
    if (value.length >= MIN_SUBSTRING_SECRET) {
      this.long.push(value);
      if (encoded !== value) this.long.push(encoded);
      this.long.sort((a, b) => b.length - a.length);
    }
  }

  isSecretHeader(name: string): boolean {
    return isCredentialHeader(name) || this.headerNames.has(name.toLowerCase());
  }

  isSecretParam(where: 'query' | 'body', name: string): boolean {
    const declared = where === 'query' ? this.queryNames : this.fieldNames;
    return isCredentialName(name) || (declared.size > 0 && declared.has(name.toLowerCase()));
  }

  /** Known secrets in a text replaced by `<redacted>`: a whole value always, inside text when long enough. */
  text(s: string): string {
    if (s === '' || this.known.size === 0) return s;
    if (this.known.has(s)) return REDACTED;
    let out = s;
    for (const secret of this.long) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** Remembers the values found at this request's credential locations as secrets (bounded). */
  learn(raw: RawRequest): void {
    if (this.learned >= MAX_LEARNED) return;
    for (const name of Object.keys(raw.headers)) {
      const value = raw.headers[name];
      if (value === undefined || !this.isSecretHeader(name)) continue;
      for (const v of Array.isArray(value) ? value : [value])
        this.learnValue(name.endsWith('authorization') ? authorizationSecret(v) : v);
    }
    if (raw.search !== '') this.learnFields('query', parseQuery(raw.search));
    if (raw.form) this.learnFields('body', raw.form);
  }

  /** The request as it may be shown. Call learn() on every request of a batch first. */
  record(raw: RawRequest): RecordedRequest {
    const headers = redactHeaders(
      raw.headers,
      (name) => this.isSecretHeader(name),
      (value) => this.text(value),
    );
    const out: RecordedRequest = {
      method: raw.method,
      path: this.text(raw.path),
      query: this.fields('query', parseQuery(raw.search)),
      headers,
      status: raw.status,
    };
    if (raw.form) out.form = this.fields('body', raw.form);
    const auth = raw.headers.authorization;
    const user = auth && /^basic /i.test(auth) ? basicUser(auth.slice(6)) : undefined;
    if (user !== undefined) out.authUser = this.text(user);
    return out;
  }

  /** Every request of a log, redacted; secrets learned from any of them are hidden in all of them. */
  records(raws: readonly RawRequest[]): RecordedRequest[] {
    for (const raw of raws) this.learn(raw);
    return raws.map((raw) => this.record(raw));
  }

  /** Form or query fields with credential-named (or declared) fields and known secrets hidden. */
  fields(where: 'query' | 'body', fields: FormFields): FormFields {
    const out: FormFields = {};
    for (const key of Object.keys(fields)) {
      const value = fields[key]!;
      const masked = this.isSecretParam(where, key)
        ? Array.isArray(value)
          ? value.map(() => REDACTED)
          : REDACTED
        : Array.isArray(value)
          ? value.map((v) => this.text(v))
          : this.text(value);
      setOwn(out, this.text(key), masked);
    }
    return out;
  }

  private learnFields(where: 'query' | 'body', fields: FormFields): void {
    for (const key of Object.keys(fields)) {
      if (!this.isSecretParam(where, key)) continue;
      const value = fields[key]!;
      for (const v of Array.isArray(value) ? value : [value]) this.learnValue(v);
    }
  }

  private learnValue(value: string | undefined): void {
    if (value === undefined || value.length < MIN_KNOWN_SECRET || this.known.has(value)) return;
    if (this.learned >= MAX_LEARNED) return;
    this.learned += 1;
    this.addSecret(value);
  }
}
