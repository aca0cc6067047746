import type { IncomingHttpHeaders } from 'node:http';
import { REDACTED } from '../mock/http/credentials.js';
import { parseQuery, type FormFields } from '../mock/http/form.js';
import { Redactor } from '../mock/http/redactor.js';
import { isSecretName } from '../simulate/redact.js';
import type { HttpRequest, HttpResponse, HttpTransport } from '../simulate/transport.js';
import { TransportError } from '../simulate/transport.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticsError } from '../errors.js';
import { loadSourceFile, parseSource, type SourceDocument } from '../source/document.js';
import { yamlLibrary } from '../source/yaml-library.js';
import { authScheme, parseBody } from './body.js';
import { Checker, isObj, SCENARIO_CODES, type Path } from './checker.js';
import { isRegexMatcher, show, type Mismatch } from './match.js';

/**
 * Cassettes: every HTTP exchange of a run, recorded (`simulate --record`) with its secrets masked, and replayed
 * strictly as a scenario's mock (`mock: {cassette: <file>}`): the requests must come in the recorded order and
 * match method, path, query and body, auth by scheme only.
 */
export interface CassetteRequest {
  method: string;
  /** The URL's path, as the flow asked for it (the origin is whatever served it). */
  path: string;
  query: FormFields;
  /**
   * Lower-case names; `authorization` keeps its scheme only (`Basic ***`). Only the auth scheme is compared on
   * replay, and only when the file lists headers (a hand-written exchange may leave them out).
   */
  headers?: Record<string, string>;
  /** parseBody's reading: JSON parsed, a form as its fields, else the text. */
  body?: unknown;
}

export interface CassetteResponse {
  status: number;
  headers: Record<string, string>;
  /** Text as received; a JSON object or list is kept parsed (readable, and masked by field). */
  body: unknown;
}

export interface CassetteExchange {
  request: CassetteRequest;
  /** Absent when the request got no answer; `error` says why (a timeout replays as one). */
  response?: CassetteResponse;
  error?: { message: string; timedOut: boolean };
}

export interface Cassette {
  exchanges: CassetteExchange[];
}

/** What replaces a secret in a cassette. */
export const MASK = '***';

/** Headers that describe one transfer, not the answer: replaying a re-serialized body must not inherit them. */
const TRANSFER_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/**
 * The connection's secrets as values: the secret keys' values, and for Basic auth the encoded pair and a lone
 * username (Stripe-style keys put the secret there).
 */
export function connectionSecrets(
  connection: Record<string, string>,
  secretKeys: readonly string[],
): string[] {
  const out = secretKeys
    .map((k) => connection[k])
    .filter((v): v is string => typeof v === 'string' && v !== '');
  const { username, password } = connection;
  if (username && password) out.push(Buffer.from(`${username}:${password}`).toString('base64'));
  if (username && !password) out.push(username);
  return out;
}

/**
 * Decides what a cassette shows. Requests: Authorization keeps its scheme, credential-named headers, query and
 * body fields become `***` (the mock's Redactor rules). Response bodies: fields named like secrets (the trace's
 * rule, narrower, so ids such as `key` stay readable). Everywhere: the known secrets (the connection's, and every
 * value seen at a credential location), whole or inside text.
 */
export class CassetteScrubber {
  private readonly redactor: Redactor;

  constructor(secrets: Iterable<string>) {
    this.redactor = new Redactor({ secrets });
  }

  /** Remembers the secrets this exchange carries at credential locations, to hide them everywhere. */
  learn(req: HttpRequest, res?: HttpResponse): void {
    const headers = lowerHeaders(req.headers);
    const url = new URL(req.url);
    const body = parseBody(headers, req.body);
    const isForm = /x-www-form-urlencoded/i.test(headers['content-type'] ?? '');
    this.redactor.learn({
      method: req.method,
      path: url.pathname,
      search: url.search.slice(1),
      headers: headers as IncomingHttpHeaders,
      ...(isForm && isObj(body) ? { form: body as FormFields } : {}),
      status: 0,
    });
    // Short secrets (a 4-character PIN) are masked where they sit, never hunted elsewhere (see Redactor).
    if (!isForm) this.learnJson(body, (k) => this.redactor.isSecretParam('body', k));
    if (res) this.learnJson(parseBody(lowerHeaders(res.headers), res.body), isSecretName);
  }

  /** Text with every known secret replaced by `***`. */
  text(s: string): string {
    const out = this.redactor.text(s);
    return out === s ? s : out.split(REDACTED).join(MASK);
  }

  request(req: HttpRequest): CassetteRequest {
    const headers = lowerHeaders(req.headers);
    const url = new URL(req.url);
    const body = parseBody(headers, req.body);
    const secretField = (k: string) => this.redactor.isSecretParam('body', k);
    return {
      method: req.method.toUpperCase(),
      path: this.text(url.pathname),
      query: this.deep(parseQuery(url.search.slice(1)), (k) =>
        this.redactor.isSecretParam('query', k),
      ) as FormFields,
      headers: this.headers(headers),
      ...(body !== undefined ? { body: this.deep(body, secretField) } : {}),
    };
  }

  response(res: HttpResponse): CassetteResponse {
    const headers = lowerHeaders(res.headers);
    for (const name of TRANSFER_HEADERS) delete headers[name];
    const parsed = parseBody(headers, res.body);
    const keepParsed =
      /json/i.test(headers['content-type'] ?? '') && typeof parsed === 'object' && parsed !== null;
    return {
      status: res.status,
      headers: this.headers(headers),
      body: keepParsed ? this.deep(parsed, isSecretName) : this.text(res.body),
    };
  }

  private headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (name === 'authorization' || name === 'proxy-authorization')
        out[name] = authScheme({ authorization: value });
      else out[name] = this.redactor.isSecretHeader(name) ? MASK : this.text(value);
    }
    return out;
  }

  /** A copy with secret-named fields masked (at any depth) and known secrets hidden in every string. */
  private deep(value: unknown, secretKey: (name: string) => boolean): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.deep(v, secretKey));
    if (isObj(value)) {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          this.text(k),
          secretKey(k) && v !== null && v !== '' ? maskAll(v) : this.deep(v, secretKey),
        ]),
      );
    }
    return value;
  }

  private learnJson(value: unknown, secretKey: (name: string) => boolean, depth = 0): void {
    if (depth > 20 || typeof value !== 'object' || value === null) return;
    for (const [k, v] of Object.entries(value)) {
      if (secretKey(k) && typeof v === 'string') this.add(v);
      else this.learnJson(v, secretKey, depth + 1);
    }
  }

  private add(value: string | undefined): void {
    if (value) this.redactor.addSecret(value);
  }
}

/** A masked field keeps its shape (a list of secrets stays a list), never its values. */
function maskAll(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(maskAll);
  if (isObj(v)) return Object.fromEntries(Object.keys(v).map((k) => [k, maskAll(v[k])]));
  return MASK;
}

function lowerHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

/** Collects the exchanges of a run; `yaml()` masks them once all are in, so a secret seen late is hidden early too. */
export class CassetteRecorder {
  private readonly raw: Array<{ req: HttpRequest; res?: HttpResponse; error?: TransportError }> = [];

  /** Wraps the transport that really sends, so what is recorded is what went over the wire and came back. */
  wrap(inner: HttpTransport): HttpTransport {
    return async (req, opts) => {
      try {
        const res = await inner(req, opts);
        this.raw.push({ req, res });
        return res;
      } catch (error) {
        if (error instanceof TransportError) this.raw.push({ req, error });
        throw error;
      }
    };
  }

  get size(): number {
    return this.raw.length;
  }

  /** The scrubber that masked the cassette: use it on anything else written from the same run. */
  scrubber(secrets: Iterable<string>): CassetteScrubber {
    const scrubber = new CassetteScrubber(secrets);
    for (const { req, res } of this.raw) scrubber.learn(req, res);
    return scrubber;
  }

  /** The cassette as YAML, every secret masked; `secrets`: the connection's (connectionSecrets). */
  yaml(secrets: readonly string[]): string {
    const scrubber = this.scrubber(secrets);
    const cassette: Cassette = {
      exchanges: this.raw.map(({ req, res, error }) => ({
        request: scrubber.request(req),
        ...(res ? { response: scrubber.response(res) } : {}),
        ...(error ? { error: { message: scrubber.text(error.message), timedOut: error.timedOut } } : {}),
      })),
    };
    const text =
      '# Recorded by `okta-connector simulate --record`; secrets are masked (***). A scenario replays it with\n' +
      '# `mock: {cassette: <this file>}`: requests must come in this order and match method, path, query and body.\n' +
      yamlLibrary().stringify({ version: 1, ...cassette }, { lineWidth: 0, aliasDuplicateObjects: false });
    // Belt and braces: whatever the structure hid, no known secret may survive in the bytes written.
    return [...secrets]
      .filter((s) => s.length >= 4)
      .sort((a, b) => b.length - a.length)
      .reduce((t, s) => t.split(s).join(MASK), text);
  }
}

const TOP_KEYS = ['version', 'exchanges'];
const EXCHANGE_KEYS = ['request', 'response', 'error'];
const REQUEST_KEYS = ['method', 'path', 'query', 'headers', 'body'];
const RESPONSE_KEYS = ['status', 'headers', 'body'];

/** Reads a cassette file; every problem is a diagnostic with file:line:column. */
export async function loadCassette(file: string, displayName = file): Promise<Cassette> {
  return checkCassette(await loadSourceFile(file, displayName));
}

export function parseCassette(text: string, file: string): Cassette {
  return checkCassette(parseSource(text, file));
}

function checkCassette(doc: SourceDocument): Cassette {
  const diagnostics: Diagnostic[] = [];
  const c = new Checker(doc, diagnostics);
  const top = c.object(doc.data, [], 'a cassette');
  if (!top) throw new DiagnosticsError(diagnostics);
  c.keys(top, [], TOP_KEYS);
  if (top.version !== undefined && top.version !== 1)
    c.error(
      ['version'],
      SCENARIO_CODES.shape,
      `this tool reads cassette version 1, found ${show(top.version)}`,
    );
  const exchanges: CassetteExchange[] = [];
  if (!Array.isArray(top.exchanges))
    c.error(['exchanges'], SCENARIO_CODES.shape, '`exchanges` must be a list');
  else
    top.exchanges.forEach((x, i) => {
      const e = checkExchange(c, x, ['exchanges', i]);
      if (e) exchanges.push(e);
    });
  if (hasErrors(diagnostics)) throw new DiagnosticsError(diagnostics);
  return { exchanges };
}

function checkExchange(c: Checker, value: unknown, at: Path): CassetteExchange | undefined {
  const x = c.object(value, at, 'an exchange');
  if (!x) return undefined;
  c.keys(x, at, EXCHANGE_KEYS);
  const r = c.object(x.request, [...at, 'request'], '`request`');
  if (r) c.keys(r, [...at, 'request'], REQUEST_KEYS);
  const method = c.string(r?.method, [...at, 'request', 'method'], true);
  const path = c.string(r?.path, [...at, 'request', 'path'], true);
  const query = c.object(r?.query, [...at, 'request', 'query'], '`query`', true) ?? {};
  const headers = c.object(r?.headers, [...at, 'request', 'headers'], '`headers`', true);
  c.matchers(r?.body, [...at, 'request', 'body']);
  c.matchers(query, [...at, 'request', 'query']);
  let response: CassetteResponse | undefined;
  let error: CassetteExchange['error'];
  if (x.response !== undefined) {
    const res = c.object(x.response, [...at, 'response'], '`response`');
    if (res) {
      c.keys(res, [...at, 'response'], RESPONSE_KEYS);
      const status = c.integer(res.status, [...at, 'response', 'status'], 100, 599);
      if (status === undefined && res.status === undefined)
        c.error([...at, 'response'], SCENARIO_CODES.required, '`response.status` is required');
      const h = c.object(res.headers, [...at, 'response', 'headers'], '`headers`', true) ?? {};
      response = {
        status: status ?? 200,
        headers: Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), String(v)])),
        body: res.body ?? '',
      };
    }
  } else if (x.error !== undefined) {
    const e = c.object(x.error, [...at, 'error'], '`error`');
    const message = c.string(e?.message, [...at, 'error', 'message'], true);
    error = { message: message ?? 'no response', timedOut: e?.timedOut === true };
  } else {
    c.error(
      at,
      SCENARIO_CODES.required,
      'an exchange needs a `response` (or the `error` the request ended with)',
    );
  }
  if (method === undefined || path === undefined) return undefined;
  return {
    request: {
      method: method.toUpperCase(),
      path,
      query: query as FormFields,
      ...(headers
        ? {
            headers: Object.fromEntries(
              Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
            ),
          }
        : {}),
      ...(r?.body !== undefined ? { body: r.body } : {}),
    },
    ...(response ? { response } : {}),
    ...(error ? { error } : {}),
  };
}

/** A cassette replayed as a transport, and what went wrong (empty when every request matched in order). */
export interface Replay {
  transport: HttpTransport;
  /** The first request that differed, or came after the last exchange, field by field. */
  problems: Mismatch[];
  /** Recorded exchanges the run never asked for: the run ended too early. */
  unused(): Mismatch[];
}

/**
 * Strict replay: request n must match exchange n in method, path, query and body (`{match: <regex>}` in the file
 * may stand for a value that changes between runs) and auth scheme. The run's own secrets (`secrets`) are masked
 * the way the recording's were, so a replay with other credentials still matches.
 */
export function replayCassette(cassette: Cassette, secrets: readonly string[], label = 'cassette'): Replay {
  const scrubber = new CassetteScrubber(secrets);
  const problems: Mismatch[] = [];
  let next = 0;
  const transport: HttpTransport = async (req) => {
    // A flow that goes on after a failed request (an If Error branch) must not bury the first difference.
    if (problems.length > 0) throw new TransportError(`the replay already failed: ${problems[0]!.message}`);
    scrubber.learn(req);
    const actual = scrubber.request(req);
    const n = next;
    const what = `${actual.method} ${actual.path}`;
    const recorded = cassette.exchanges[n];
    if (!recorded) {
      problems.push({
        path: `${label}[${n}]`,
        expected: undefined,
        actual: { method: actual.method, path: actual.path, query: actual.query },
        message: `request ${n + 1} (${what}) is one too many: ${label} holds ${cassette.exchanges.length} exchange(s)`,
      });
      throw new TransportError(problems[problems.length - 1]!.message);
    }
    const diffs = requestDiff(recorded.request, actual);
    if (diffs.length > 0) {
      const later = cassette.exchanges.findIndex(
        (x, j) => j > n && requestDiff(x.request, actual).length === 0,
      );
      const order =
        later > 0 ? `; it matches recorded exchange ${later + 1}: the requests came in another order` : '';
      for (const d of diffs)
        problems.push({
          ...d,
          path: `${label}[${n}].${d.path}`,
          message: `request ${n + 1} (${what}) differs from recorded exchange ${n + 1} (${recorded.request.method} ${recorded.request.path}): ${d.path} ${d.message}${order}`,
        });
      throw new TransportError(problems[0]!.message);
    }
    next++;
    if (recorded.error) throw new TransportError(recorded.error.message, recorded.error.timedOut);
    const res = recorded.response!;
    return {
      status: res.status,
      headers: { ...res.headers },
      body: typeof res.body === 'string' ? res.body : JSON.stringify(res.body),
      url: `${label}:${actual.method} ${actual.path}`,
    };
  };
  return {
    transport,
    problems,
    unused: () =>
      cassette.exchanges.slice(next).map((x, k) => ({
        path: `${label}[${next + k}]`,
        expected: { method: x.request.method, path: x.request.path },
        actual: undefined,
        message: `recorded exchange ${next + k + 1} (${x.request.method} ${x.request.path}) was never requested: the run made ${next} request(s)`,
      })),
  };
}

/** How a request differs from the recorded one: method, path, query, body (exact), auth scheme. */
function requestDiff(recorded: CassetteRequest, actual: CassetteRequest): Mismatch[] {
  const out: Mismatch[] = [];
  if (recorded.method !== actual.method) out.push(diff('method', recorded.method, actual.method));
  out.push(...strictDiff(recorded.path, actual.path, 'path'));
  out.push(...strictDiff(recorded.query, actual.query, 'query'));
  out.push(...strictDiff(recorded.body, actual.body, 'body'));
  if (recorded.headers) {
    const want = authScheme(recorded.headers);
    const got = authScheme(actual.headers ?? {});
    if (want.toLowerCase() !== got.toLowerCase()) out.push(diff('auth', want, got));
  }
  return out;
}

function diff(path: string, expected: unknown, actual: unknown, message?: string): Mismatch {
  return { path, expected, actual, message: message ?? `expected ${show(expected)}, found ${show(actual)}` };
}

/** Exact equality (same keys, same list lengths), except that `{match: <regex>}` in the recording tests a string. */
function strictDiff(expected: unknown, actual: unknown, path: string): Mismatch[] {
  if (isRegexMatcher(expected)) {
    const text = typeof actual === 'number' ? String(actual) : actual;
    return typeof text === 'string' && new RegExp(expected.match).test(text)
      ? []
      : [
          diff(
            path,
            expected,
            actual,
            `expected a value matching /${expected.match}/, found ${show(actual)}`,
          ),
        ];
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length)
      return [diff(path, expected, actual, `expected ${expected.length} item(s), found ${actual.length}`)];
    return expected.flatMap((e, i) => strictDiff(e, actual[i], `${path}[${i}]`));
  }
  if (isObj(expected) && isObj(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((k) => {
      const sub = `${path}.${k}`;
      if (!Object.hasOwn(actual, k)) return [diff(sub, expected[k], undefined, 'missing')];
      if (!Object.hasOwn(expected, k))
        return [diff(sub, undefined, actual[k], `not recorded, found ${show(actual[k])}`)];
      return strictDiff(expected[k], actual[k], sub);
    });
  }
  if (expected === undefined && actual === undefined) return [];
  return Object.is(expected, actual) ? [] : [diff(path, expected, actual)];
}
