import type { HttpRequest, HttpResponse, HttpTransport } from '../simulate/transport.js';
import { TransportError } from '../simulate/transport-error.js';
import { isObj, SCENARIO_CODES, type Checker, type Path } from './checker.js';
import { matchValue } from './match.js';
import { parseBody } from './body.js';

/**
 * `mock.responses`: canned answers a scenario gives to the requests it expects, in front of the mock (or alone,
 * for a connector without one). The first stub whose `when` matches answers, `times` times at most; a request no
 * stub answers goes to the mock, or, with no mock, fails the run naming the nearest stub and why it did not match.
 */
export interface ScenarioStub {
  when: {
    method?: string;
    /** The request path, whole or after the base URL's path (`/stats` for `https://api.example.com/v1/stats`). */
    path?: string;
    /** Subset of the query parameters (strings, or `{match: <regex>}`). */
    query?: Record<string, unknown>;
    /** Subset of the headers, names case-insensitive. */
    headers?: Record<string, unknown>;
    /** Subset of the JSON or form body. */
    body?: unknown;
  };
  respond: { status: number; headers: Record<string, string>; body: unknown };
  /** How many requests it answers; absent: every matching one. */
  times?: number;
}

const STUB_KEYS = ['when', 'respond', 'times'];
const WHEN_KEYS = ['method', 'path', 'query', 'headers', 'body'];
const RESPOND_KEYS = ['status', 'headers', 'body'];

/** Reads `mock.responses` with every problem located (file, line, column via the checker). */
export function checkStubs(c: Checker, value: unknown, path: Path): ScenarioStub[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    c.error(path, SCENARIO_CODES.shape, '`mock.responses` must be a list of {when, respond, times}');
    return [];
  }
  const stubs: ScenarioStub[] = [];
  value.forEach((item, i) => {
    const at = [...path, i];
    const s = c.object(item, at, 'a stub');
    if (!s) return;
    c.keys(s, at, STUB_KEYS);
    const when = c.object(s.when, [...at, 'when'], '`when`', true) ?? {};
    c.keys(when, [...at, 'when'], WHEN_KEYS);
    const respond = c.object(s.respond, [...at, 'respond'], '`respond`') ?? {};
    c.keys(respond, [...at, 'respond'], RESPOND_KEYS);
    const status = c.integer(respond.status, [...at, 'respond', 'status'], 100, 599) ?? 200;
    const headers = c.object(respond.headers, [...at, 'respond', 'headers'], '`respond.headers`', true) ?? {};
    const times = c.integer(s.times, [...at, 'times'], 1);
    const method = typeof when.method === 'string' ? when.method.toUpperCase() : undefined;
    if (when.path !== undefined && (typeof when.path !== 'string' || !when.path.startsWith('/')))
      c.error([...at, 'when', 'path'], SCENARIO_CODES.shape, '`when.path` must be a path starting with /');
    stubs.push({
      when: {
        ...(method !== undefined ? { method } : {}),
        ...(typeof when.path === 'string' ? { path: when.path } : {}),
        ...(isObj(when.query) ? { query: when.query } : {}),
        ...(isObj(when.headers) ? { headers: when.headers } : {}),
        ...(when.body !== undefined ? { body: when.body } : {}),
      },
      respond: {
        status,
        headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])),
        body: respond.body ?? '',
      },
      ...(times !== undefined ? { times } : {}),
    });
  });
  return stubs;
}

/** Why a stub does not answer a request (empty: it does). */
export function stubMismatches(stub: ScenarioStub, req: HttpRequest, basePath: string): string[] {
  const url = new URL(req.url);
  const why: string[] = [];
  const { when } = stub;
  if (when.method && when.method !== req.method.toUpperCase())
    why.push(`method ${req.method}, not ${when.method}`);
  if (when.path && url.pathname !== when.path && url.pathname !== joinPath(basePath, when.path))
    why.push(`path ${url.pathname}, not ${when.path}`);
  if (when.query) {
    const query = Object.fromEntries(url.searchParams);
    for (const m of matchValue(when.query, query, 'query')) why.push(m.message);
  }
  if (when.headers) {
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const wanted = Object.fromEntries(Object.entries(when.headers).map(([k, v]) => [k.toLowerCase(), v]));
    for (const m of matchValue(wanted, headers, 'headers')) why.push(m.message);
  }
  if (when.body !== undefined)
    for (const m of matchValue(when.body, parseBody(req.headers, req.body) ?? {}, 'body'))
      why.push(m.message);
  return why;
}

function joinPath(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/**
 * A transport that answers from the stubs first. `next` is the mock or server behind them; without it an
 * unanswered request fails the run with the nearest stub (the fewest reasons) and its reasons.
 */
export function stubTransport(
  stubs: readonly ScenarioStub[],
  basePath: string,
  next: HttpTransport | undefined,
): HttpTransport {
  const used = stubs.map(() => 0);
  return async (req, opts) => {
    let nearest: { index: number; why: string[] } | undefined;
    for (const [index, stub] of stubs.entries()) {
      if (stub.times !== undefined && used[index]! >= stub.times) continue;
      const why = stubMismatches(stub, req, basePath);
      if (why.length === 0) {
        used[index]!++;
        return answer(stub, req);
      }
      if (!nearest || why.length < nearest.why.length) nearest = { index, why };
    }
    if (next) return next(req, opts);
    const hint = nearest
      ? `; the nearest, mock.responses[${nearest.index}], does not match: ${nearest.why.join('; ')}`
      : stubs.length
        ? '; every stub has answered its `times` already'
        : '';
    throw new TransportError(
      `no stub answers ${req.method} ${new URL(req.url).pathname} and there is no mock${hint}`,
    );
  };
}

function answer(stub: ScenarioStub, req: HttpRequest): HttpResponse {
  const { status, headers, body } = stub.respond;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const withType =
    typeof body !== 'string' && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')
      ? { 'content-type': 'application/json', ...headers }
      : headers;
  return { status, headers: withType, body: text, url: `stub:${req.method} ${new URL(req.url).pathname}` };
}
