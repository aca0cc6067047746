/**
 * Differential request fuzzing: a random valid spec and random values from a seed, the request the spec
 * describes (request-oracle.ts, from the spec alone) against the request the built flopack sends when the
 * simulator runs it (a capturing transport stands in for the service). Used by request-differential.test.ts
 * (a few hundred seeds) and scripts/fuzz-requests.ts (thousands).
 */
import { stringify } from 'yaml';
import { CAPIA, CONNECTION_INPUT_KEY, CUSTOM_API_ACTION_NAME } from '../../src/connector/contract.js';
import { generateConnector } from '../../src/generate/index.js';
import { runFlow, type HttpRequest } from '../../src/simulate/index.js';
import { parseSource } from '../../src/source/document.js';
import type {
  Action,
  Authentication,
  ConnectionParameter,
  ConnectorSpec,
  Input,
  Option,
  RequestBody,
  RequestTemplate,
} from '../../src/spec/types.js';
import { validateSpec } from '../../src/spec/validate.js';
import {
  expectedCapiaRequest,
  expectedRequest,
  isEmptyValue,
  sortPairs,
  type CapiaCall,
  type ExpectedRequest,
  type Values,
} from './request-oracle.js';
import { rng } from './random-spec.js';

export interface FuzzCase {
  seed: number;
  spec: ConnectorSpec;
  values: Values;
  /** Set when the case calls the Custom API Action instead of the spec's action. */
  capia?: CapiaCall;
}

export interface FuzzOutcome {
  seed: number;
  ok: boolean;
  /** What differed (empty when ok). */
  problems: string[];
  expected?: ExpectedRequest;
  sent?: ExpectedRequest;
}

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: R, p: number) => r() < p;
const count = (r: R, max: number) => Math.floor(r() * (max + 1));

const LITERAL_TEXT = [
  'hello',
  'a b',
  'a&b=c+d',
  'ünïcødé ✓',
  '100%',
  'x/y?z',
  '{{braces}}',
  '$${dollar}',
  '',
  ' ',
];
const TEXT_VALUES = [
  'hello',
  'a b',
  'a&b=c+d',
  'ünïcødé ✓ 日本',
  '100% "quoted"',
  'x/y?z#w',
  '0',
  'null',
  '{not json',
];
const KEYS = ['name', 'to', 'Body', 'with space', 'ключ', 'a-b', 'x_1', '0', 'type', 'é'];

type Ref = { source: 'inputs' | 'options' | 'connection'; key: string; required: boolean; scalar: boolean };

interface Scope {
  refs: Ref[];
}

function refText(ref: Ref): string {
  return `\${${ref.source}.${ref.key}}`;
}

/** A templated string; `requiredOnly` keeps it from depending on optional values (list items, paths). */
function template(r: R, scope: Scope, opts: { requiredOnly?: boolean; scalarOnly?: boolean } = {}): string {
  const refs = scope.refs.filter((x) => (!opts.requiredOnly || x.required) && (!opts.scalarOnly || x.scalar));
  const kind = refs.length === 0 ? 0 : count(r, 3);
  if (kind === 0) return pick(r, LITERAL_TEXT);
  if (kind === 1) return refText(pick(r, refs));
  const parts = [pick(r, LITERAL_TEXT), refText(pick(r, refs)), pick(r, ['-', ':', ' ', ''])];
  if (kind === 3) parts.push(refText(pick(r, refs)), pick(r, LITERAL_TEXT));
  const t = parts.join('');
  return t;
}

function jsonValue(r: R, scope: Scope, depth: number, inList: boolean): unknown {
  const roll = r();
  if (depth < 3 && roll < 0.2) return jsonObject(r, scope, depth + 1, inList);
  if (depth < 3 && roll < 0.32) return jsonList(r, scope, depth + 1);
  if (roll < 0.4) return pick(r, [null, 0, -1.5, 42, true, false, '', [], {}]);
  return template(r, scope, { requiredOnly: inList });
}

function jsonObject(r: R, scope: Scope, depth: number, inList: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = count(r, 4);
  for (let i = 0; i < n; i++) out[`${pick(r, KEYS)}${i}`] = jsonValue(r, scope, depth, false);
  // A list item must always be sent (src/spec/empty-values.ts rule 4): give it one entry that always is.
  if (inList) out[`fixed${n}`] = jsonValue(r, scope, depth, true);
  return out;
}

function jsonList(r: R, scope: Scope, depth: number): unknown[] {
  return Array.from({ length: count(r, 3) }, () => jsonValue(r, scope, depth, true));
}

function inputs(r: R): Input[] {
  return Array.from({ length: 1 + count(r, 4) }, (_, i) => {
    const type = pick(r, ['text', 'text', 'number', 'boolean', 'object', 'datetime'] as const);
    const list = chance(r, 0.2);
    const required = chance(r, 0.5);
    // An optional input may have a default: the card holds it when the caller gives nothing.
    const withDefault = !required && chance(r, 0.3);
    return {
      key: `in${i}`,
      label: `In ${i}`,
      type,
      ...(list ? { list } : {}),
      required,
      ...(withDefault ? { default: valueOf(r, type, list) } : {}),
    };
  });
}

function options(r: R): Option[] {
  return Array.from({ length: count(r, 2) }, (_, i): Option => {
    const dropdown = chance(r, 0.5);
    return {
      key: `opt${i}`,
      label: `Opt ${i}`,
      type: dropdown ? 'dropdown' : 'text',
      required: chance(r, 0.5),
      ...(chance(r, 0.3) ? { default: dropdown ? 'one' : pick(r, TEXT_VALUES) } : {}),
      ...(dropdown
        ? {
            values: [
              { label: 'One', value: 'one' },
              { label: 'Two', value: 'two & more' },
            ],
          }
        : {}),
    };
  });
}

function body(r: R, method: string, scope: Scope): RequestBody | undefined {
  if (method === 'GET' || method === 'DELETE' || chance(r, 0.15)) return undefined;
  const kind = pick(r, ['json', 'json', 'list', 'form', 'text'] as const);
  if (kind === 'json') return { encoding: 'json', fields: jsonObject(r, scope, 0, false) };
  if (kind === 'list') return { encoding: 'json', fields: jsonList(r, scope, 0) };
  if (kind === 'text')
    return {
      encoding: 'text',
      content: template(r, scope),
      ...(chance(r, 0.5) ? { contentType: 'text/csv' } : {}),
    };
  const fields: Record<string, string> = {};
  for (let i = 0, n = count(r, 4); i < n; i++) fields[`${pick(r, KEYS)}${i}`] = template(r, scope);
  return { encoding: 'form', fields };
}

const AUTH_KINDS = ['basic', 'oauth2', 'header', 'query'] as const;

function authOf(kind: (typeof AUTH_KINDS)[number]): Authentication {
  return kind === 'basic'
    ? { type: 'basic' }
    : kind === 'oauth2'
      ? { type: 'oauth2', grantType: 'client_credentials', tokenUrl: 'https://auth.example.com/token' }
      : {
          type: 'custom',
          placement: kind,
          name: kind === 'header' ? 'X-Api-Key' : 'api_key',
          value: 'Key ${connection.apiKey}',
        };
}

/** A random valid spec with one action (and its values) from a seed. */
export function fuzzCase(seed: number): FuzzCase {
  const r = rng(seed);
  const params: ConnectionParameter[] = Array.from({ length: count(r, 2) }, (_, i) => ({
    key: `param${i}`,
    label: `Param ${i}`,
    type: 'text' as const,
    ...(chance(r, 0.4) ? { required: false } : {}),
  }));
  const authentication = authOf(pick(r, AUTH_KINDS));
  // Several methods (a person picks one per connection) and static config values, from a stream of their own so
  // every other part of a seed's spec stays as it was.
  const ra = rng(seed * 7919 + 101);
  const methods: Authentication[] = [];
  if (chance(ra, 0.35)) {
    const kinds = [...AUTH_KINDS].sort(() => ra() - 0.5).slice(0, 2 + count(ra, 2));
    kinds.forEach((kind, i) => methods.push({ ...authOf(kind), key: `m${i}`, label: `Method ${i}` }));
  }
  const configRegion = chance(ra, 0.3);
  const auths = methods.length ? methods : [authentication];
  if (configRegion) auths[0]!.configValues = [{ key: 'region', label: 'Region', value: 'eu 1/ü' }];
  if (auths.some((a) => a.type === 'custom'))
    params.push({ key: 'apiKey', label: 'API key', type: 'password' });
  const requiredParams = params.filter((p) => p.required !== false && p.key !== 'apiKey');
  const baseUrl =
    requiredParams.length && chance(r, 0.5)
      ? `https://api.example.com/v1/\${connection.${requiredParams[0]!.key}}`
      : 'https://api.example.com/v1';
  const defaultHeaders: Record<string, string> = { Accept: 'application/json' };
  if (configRegion) defaultHeaders['X-Region'] = '${connection.region}';
  if (requiredParams.length && chance(r, 0.5))
    defaultHeaders['X-Tenant'] = `t-\${connection.${requiredParams[0]!.key}}`;

  const ins = inputs(r);
  const opts = options(r);
  const scope: Scope = {
    refs: [
      ...ins.map((i) => ({
        source: 'inputs' as const,
        key: i.key,
        required: !!i.required,
        scalar: i.type !== 'object' && !i.list,
      })),
      ...opts.map((o) => ({ source: 'options' as const, key: o.key, required: !!o.required, scalar: true })),
      ...params
        .filter((p) => p.key !== 'apiKey')
        .map((p) => ({
          source: 'connection' as const,
          key: p.key,
          required: p.required !== false,
          scalar: true,
        })),
    ],
  };
  const method = pick(r, ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const);
  const pathRefs = scope.refs.filter((x) => x.required && x.scalar);
  const path = pathRefs.length && chance(r, 0.7) ? `/items/${refText(pick(r, pathRefs))}/sub` : '/items';
  const query: Record<string, string> = {};
  for (let i = 0, n = count(r, 3); i < n; i++) query[`${pick(r, KEYS)}${i}`] = template(r, scope);
  const headers: Record<string, string> = {};
  for (let i = 0, n = count(r, 2); i < n; i++)
    headers[`X-Custom-${i}`] = template(r, scope, { scalarOnly: true });
  const request: RequestTemplate = {
    method,
    path,
    ...(Object.keys(query).length ? { query } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
  };
  const b = body(r, method, scope);
  if (b) request.body = b;
  const action: Action = {
    name: 'Do Thing',
    description: 'Does a thing.',
    ...(opts.length ? { options: opts } : {}),
    inputs: ins,
    request,
  };
  const spec: ConnectorSpec = {
    specVersion: 1,
    name: 'fuzz',
    displayName: 'Fuzz',
    description: 'A random connector.',
    version: '1.0.0',
    supportEmail: 'dev@example.com',
    authentication: methods.length ? methods : authentication,
    ...(params.length ? { connectionParameters: params } : {}),
    baseUrl,
    defaultHeaders,
    authping: { request: { method: 'GET', path: '/me' } },
    actions: [action],
  };
  const vals = values(r, spec, action);
  // The platform's part of the connection: the static config value, and which method the person picked (or none).
  if (configRegion) vals.connection['region'] = 'eu 1/ü';
  if (methods.length) {
    const selected = pick(ra, [...methods.map((m) => m.key!), undefined, 'unknown']);
    if (selected !== undefined) vals.connection['selected_auth'] = selected;
  }
  return { seed, spec, values: vals, ...(chance(r, 0.25) ? { capia: capiaCall(r) } : {}) };
}

const CONTENT_TYPE_NAMES = ['Content-Type', 'content-type', 'CONTENT-TYPE', 'Content-type'];

/** A random Custom API Action call: method, relative URL, query, headers (maybe a form Content-Type), body. */
function capiaCall(r: R): CapiaCall {
  const requestType = pick(r, ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const);
  const type = pick(r, ['none', 'form', 'form', 'json', 'other'] as const);
  const headers: Record<string, string> = {};
  if (type !== 'none')
    headers[pick(r, CONTENT_TYPE_NAMES)] =
      type === 'form'
        ? pick(r, ['application/x-www-form-urlencoded', 'Application/X-WWW-Form-Urlencoded; charset=utf-8'])
        : type === 'json'
          ? 'application/json'
          : 'application/vnd.api+json';
  if (chance(r, 0.5)) headers['X-Request-Id'] = pick(r, TEXT_VALUES);
  const scalar = () => pick(r, [...TEXT_VALUES, 0, 12.5, true, false, null]);
  const flat = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = 0, n = count(r, 4); i < n; i++)
      out[`${pick(r, KEYS)}${i}`] = chance(r, 0.2) ? [scalar(), scalar()] : scalar();
    return out;
  };
  const noScope: Scope = { refs: [] };
  const body = type === 'form' || chance(r, 0.3) ? flat() : jsonObject(r, noScope, 0, false);
  return {
    requestType,
    relativeUrl: pick(r, ['/things', '/a/b.json', '/ünï/x', '/']),
    ...(chance(r, 0.5) ? { query: flat() } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(chance(r, 0.85) ? { body } : {}),
  };
}

function valueOf(r: R, type: string, list: boolean): unknown {
  const one = () =>
    type === 'number'
      ? pick(r, [0, 7, -2.5, 1e6])
      : type === 'boolean'
        ? pick(r, [true, false])
        : type === 'object'
          ? pick(r, [{ a: 1 }, { nested: { b: 'x y' } }, { list: [1, 'two'] }])
          : type === 'datetime'
            ? pick(r, ['2024-05-01T10:00:00Z', '2024-12-31T23:59:59.999+02:00'])
            : pick(r, TEXT_VALUES);
  return list ? Array.from({ length: 1 + count(r, 2) }, one) : one();
}

function emptyOf(r: R, type: string, list: boolean): unknown {
  if (list) return pick(r, [null, []]);
  if (type === 'object') return pick(r, [null, {}]);
  if (type === 'text' || type === 'datetime') return pick(r, [null, '']);
  return null;
}

function values(r: R, spec: ConnectorSpec, action: Action): Values {
  const out: Values = { inputs: {}, options: {}, connection: {} };
  for (const i of action.inputs ?? []) {
    const roll = r();
    if (i.required || roll < 0.5) out.inputs[i.key] = valueOf(r, i.type, !!i.list);
    else if (roll < 0.8) out.inputs[i.key] = emptyOf(r, i.type, !!i.list);
  }
  for (const o of action.options ?? []) {
    if (!o.required && chance(r, 0.4)) continue;
    out.options[o.key] = o.type === 'dropdown' ? pick(r, o.values!).value : pick(r, TEXT_VALUES);
  }
  // Every method's credentials: the connection holds what the person entered for the method they picked.
  for (const a of [spec.authentication].flat()) {
    if (a.type === 'basic') Object.assign(out.connection, { username: 'SK1é', password: 's3cr:et' });
    if (a.type === 'oauth2') out.connection['access_token'] = 'tok-123';
  }
  for (const p of spec.connectionParameters ?? []) {
    if (p.key === 'apiKey') out.connection[p.key] = 'k/ey+1';
    else if (p.required === false && chance(r, 0.5)) {
      if (chance(r, 0.5)) out.connection[p.key] = '';
    } else out.connection[p.key] = pick(r, ['acme', 'eu west', 'ß/1']);
  }
  return out;
}

/** The spec's validation errors (a fuzz case must be a valid spec). */
export function specErrors(spec: ConnectorSpec): string[] {
  return validateSpec(parseSource(stringify(spec), 'fuzz.yaml'), process.cwd())
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.message}`);
}

/** The request the flows sent, in the oracle's shape. */
function observed(req: HttpRequest, expected: ExpectedRequest, problems: string[]): ExpectedRequest {
  const [url, qs = ''] = req.url.split(/\?(.*)/s) as [string, string?];
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    const name = k.toLowerCase();
    if (Object.hasOwn(headers, name)) problems.push(`header ${name} sent twice (names differ in case)`);
    headers[name] = v;
  }
  const sent: ExpectedRequest = {
    method: req.method.toUpperCase(),
    url,
    query: sortPairs([...new URLSearchParams(qs)]),
    headers,
  };
  if (req.body !== undefined && req.body !== '') {
    const kind = expected.body?.kind ?? 'text';
    if (kind === 'json') {
      try {
        sent.body = { kind, value: JSON.parse(req.body) };
      } catch {
        sent.body = { kind: 'text', text: req.body };
      }
    } else if (kind === 'form') sent.body = { kind, pairs: sortPairs([...new URLSearchParams(req.body)]) };
    else sent.body = { kind, text: req.body };
  }
  return sent;
}

/** Runs one case: validate, build, simulate the action against a capturing transport, compare. */
export async function runFuzzCase(c: FuzzCase): Promise<FuzzOutcome> {
  const problems = specErrors(c.spec).map((e) => `spec invalid: ${e}`);
  if (problems.length) return { seed: c.seed, ok: false, problems };
  const action = c.spec.actions[0]!;
  const expected = c.capia
    ? expectedCapiaRequest(c.spec, c.values.connection, c.capia)
    : expectedRequest(c.spec, action, c.values);
  const built = generateConnector(c.spec);
  const flow = built.flows.find((f) => f.name === (c.capia ? CUSTOM_API_ACTION_NAME : action.name))!;
  const inputs = c.capia
    ? {
        [CAPIA.requestTypeOption]: c.capia.requestType,
        [CAPIA.inputs.relativeUrl]: c.capia.relativeUrl,
        ...(c.capia.query ? { [CAPIA.inputs.query]: c.capia.query } : {}),
        ...(c.capia.headers ? { [CAPIA.inputs.headers]: c.capia.headers } : {}),
        ...(c.capia.body ? { [CAPIA.inputs.body]: c.capia.body } : {}),
      }
    : { ...c.values.options, ...c.values.inputs };
  const requests: HttpRequest[] = [];
  const result = await runFlow(
    built.flopack,
    flow.floId,
    { [CONNECTION_INPUT_KEY]: c.values.connection, ...inputs },
    {
      transport: async (req) => {
        requests.push(req);
        return { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"ok":true}' };
      },
      collectTrace: false,
    },
  );
  if (!result.ok) problems.push(`flow failed: ${result.error.kind}: ${result.error.message}`);
  if (requests.length !== 1) {
    problems.push(`expected one request, the flows sent ${requests.length}`);
    return { seed: c.seed, ok: false, problems, expected };
  }
  const sent = observed(requests[0]!, expected, problems);
  for (const k of ['method', 'url', 'query', 'headers', 'body'] as const) {
    if (JSON.stringify(canonical(sent[k])) !== JSON.stringify(canonical(expected[k])))
      problems.push(
        `${k} differs:\n  expected ${JSON.stringify(expected[k])}\n  sent     ${JSON.stringify(sent[k])}`,
      );
  }
  return { seed: c.seed, ok: problems.length === 0, problems, expected, sent };
}

/** Key order does not matter in JSON objects or header sets. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/**
 * A smaller failing case, for the report: drops query entries, headers, body entries and inputs one at a time
 * while the case still fails.
 */
export async function shrink(c: FuzzCase): Promise<FuzzCase> {
  let best = c;
  const stillFails = async (cand: FuzzCase) => {
    try {
      const o = await runFuzzCase(cand);
      return !o.ok && !o.problems.some((p) => p.startsWith('spec invalid'));
    } catch {
      return false;
    }
  };
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const cand of smaller(best)) {
      if (await stillFails(cand)) {
        best = cand;
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return best;
}

function* smaller(c: FuzzCase): Generator<FuzzCase> {
  const clone = (): FuzzCase => structuredClone(c);
  const req = () => c.spec.actions[0]!.request;
  for (const part of ['query', 'headers'] as const) {
    for (const k of Object.keys(req()[part] ?? {})) {
      const n = clone();
      delete n.spec.actions[0]!.request[part]![k];
      yield n;
    }
  }
  const b = req().body;
  if (b) {
    const n = clone();
    delete n.spec.actions[0]!.request.body;
    yield n;
    if (b.encoding !== 'text' && !Array.isArray(b.fields)) {
      for (const k of Object.keys(b.fields)) {
        const m = clone();
        delete (m.spec.actions[0]!.request.body as { fields: Record<string, unknown> }).fields[k];
        yield m;
      }
    }
  }
}

/** A repro a person can paste: the spec as YAML and the values. */
export function repro(c: FuzzCase): string {
  return `# seed ${c.seed}\n${stringify({ spec: c.spec, values: c.values, ...(c.capia ? { customApiActionCall: c.capia } : {}) })}`;
}

export { isEmptyValue };
