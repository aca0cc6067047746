import type { RecordedRequest } from '../mock/http/record.js';
import { redactHeaders, redactValues } from '../simulate/redact.js';
import { authScheme, parseBody } from './body.js';
import { matchValue, type Mismatch } from './match.js';
import type { HttpRequest } from '../simulate/transport.js';

/** A recorded request in the shape scenarios compare against (`expect.requests`). */
export function recordedRequest(r: RecordedRequest): Record<string, unknown> {
  return {
    method: r.method,
    path: r.path,
    query: r.query,
    form: r.form ?? {},
    // The mock Twilio reads form bodies only; what it logged is the body.
    ...(r.form ? { body: r.form } : {}),
    headers: r.headers,
    auth: authScheme(r.headers),
    status: r.status,
    ...(r.authUser !== undefined ? { authUser: r.authUser } : {}),
  };
}

/**
 * A request as the flow sent it (from the trace), in the same shape: used with `test --base-url`, where no mock
 * records what arrived. Headers are redacted; `authUser` is the Basic-auth username, as the mock reports it.
 */
export function sentRequest(r: HttpRequest, status: number | undefined): Record<string, unknown> {
  const url = new URL(r.url);
  const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const isForm = /application\/x-www-form-urlencoded/i.test(headers['content-type'] ?? '');
  const basic = /^Basic\s+(.+)$/i.exec(headers.authorization ?? '');
  const body = parseBody(headers, r.body);
  const authUser = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':')[0] : undefined;
  return {
    method: r.method.toUpperCase(),
    path: url.pathname,
    query: paramsRecord(url.searchParams),
    form: isForm && r.body ? paramsRecord(new URLSearchParams(r.body)) : {},
    // Credential-named fields hidden: a mismatch prints the actual body.
    ...(body !== undefined ? { body: redactValues(body) } : {}),
    headers: redactHeaders(headers),
    auth: authScheme(headers),
    status: status ?? 0,
    ...(authUser !== undefined ? { authUser } : {}),
  };
}

/**
 * One `expect.requests` item against a request seen: every given field matches (objects as subsets, `{match:}`
 * anywhere), header names in any case, and `auth` with its scheme name in any case (RFC 9110 §11.1).
 */
export function matchRequest(expected: unknown, seen: unknown, path: string): Mismatch[] {
  const { headers, auth, ...rest } = expected as Record<string, unknown>;
  const actual = seen as Record<string, unknown>;
  const sameScheme =
    typeof auth === 'string' &&
    typeof actual.auth === 'string' &&
    auth.toLowerCase() === actual.auth.toLowerCase();
  return [
    ...matchValue(rest, actual, path),
    ...(headers === undefined ? [] : matchValue(headers, actual.headers, `${path}.headers`, true)),
    ...(auth === undefined || sameScheme ? [] : matchValue(auth, actual.auth, `${path}.auth`)),
  ];
}

/** Repeated parameters become lists, as the mock records them. */
function paramsRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

export interface PlaceholderScope {
  connection: Record<string, unknown>;
  inputs: Record<string, unknown>;
  options: Record<string, unknown>;
  /** Outputs of the scenario's setup steps, in order. */
  setup: Array<Record<string, unknown>>;
}

const PLACEHOLDER = /\$\{(connection|inputs|options|setup)\.([^{}]+)\}/g;

function lookup(scope: PlaceholderScope, source: string, key: string): unknown {
  if (source === 'setup') {
    const dot = key.indexOf('.');
    return dot < 0 ? undefined : scope.setup[Number(key.slice(0, dot))]?.[key.slice(dot + 1)];
  }
  return scope[source as 'connection' | 'inputs' | 'options'][key];
}

/**
 * Replaces `${connection.<key>}`, `${inputs.<key>}`, `${options.<key>}` and `${setup.<n>.<output>}` in every string
 * of a value with what the run used. A string that is exactly one placeholder takes the value as is (a number
 * stays a number); unknown references stay as written, so a mismatch shows them.
 */
export function expandPlaceholders<T>(value: T, scope: PlaceholderScope): T {
  if (typeof value === 'string') {
    const whole = /^\$\{(connection|inputs|options|setup)\.([^}]+)\}$/.exec(value);
    if (whole) {
      const v = lookup(scope, whole[1] as string, whole[2] as string);
      return (v === undefined ? value : v) as T;
    }
    return value.replace(PLACEHOLDER, (m, source: string, key: string) => {
      const v = lookup(scope, source, key);
      return v === undefined || v === null ? m : String(v);
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => expandPlaceholders(v, scope)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandPlaceholders(v, scope)])) as T;
  }
  return value;
}
