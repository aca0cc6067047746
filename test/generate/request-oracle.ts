/**
 * The request a spec describes, computed from the spec alone: an oracle for the differential test, written apart
 * from src/generate (it shares no code with the generator or the simulator). The rules it encodes are the
 * README's ("What a spec's request sends"):
 * - placeholders: `${inputs.x}` / `${options.x}` / `${connection.x}`, `$${` is a literal `${`; a string that is
 *   exactly one placeholder keeps the value's type, else values are written as text (objects and lists as JSON);
 * - an optional value is one not `required` (connection parameters: `required: false`); "empty" is null, missing,
 *   "", [] or {};
 * - a string with an optional placeholder is left out when one of them is empty; an object all of whose entries
 *   can be left out is left out when all are; literals are sent as written (null, "", [], {} included);
 * - a JSON body object, query or header set that ends empty is not sent; a JSON list body always is;
 * - an input left out holds its type's empty value ({} for an object, [] for a list), so a text body writes it so;
 * - path and base-URL values are percent-encoded (encodeURIComponent), form names, text and values too;
 * - headers: default headers, then Content-Type (only with a body, unless the action sets it), the action's,
 *   then authentication; the query repeats a key for each item of a list value;
 * - with several authentication methods, the one whose key the connection's `selected_auth` holds authenticates
 *   the request (the first when it holds none, or a key no method has); static config values are in the
 *   connection like any parameter.
 */
import type { ConnectorSpec, Action, Authentication } from '../../src/spec/types.js';

export interface Values {
  inputs: Record<string, unknown>;
  options: Record<string, unknown>;
  connection: Record<string, unknown>;
}

export type ExpectedBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; pairs: Array<[string, string]> }
  | { kind: 'text'; text: string };

export interface ExpectedRequest {
  method: string;
  /** Without the query string. */
  url: string;
  /** Sorted [name, value] pairs. */
  query: Array<[string, string]>;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body?: ExpectedBody;
}

type Source = 'inputs' | 'options' | 'connection';
type Piece = { text: string } | { source: Source; key: string };

const TOKEN = /\$\$\{|\$\{(inputs|options|connection)\.([^}]+)\}/g;

function pieces(template: string): Piece[] {
  const out: Piece[] = [];
  let text = '';
  let last = 0;
  for (const m of template.matchAll(TOKEN)) {
    text += template.slice(last, m.index);
    last = m.index! + m[0].length;
    if (m[0] === '$${') {
      text += '${';
      continue;
    }
    if (text) out.push({ text });
    text = '';
    out.push({ source: m[1] as Source, key: m[2]! });
  }
  text += template.slice(last);
  if (text) out.push({ text });
  return out;
}

const isRef = (p: Piece): p is { source: Source; key: string } => 'source' in p;

export function isEmptyValue(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const LEFT_OUT = Symbol('left out');

class Oracle {
  constructor(
    private readonly spec: ConnectorSpec,
    private readonly action: Action | undefined,
    private readonly values: Values,
  ) {}

  value(source: Source, key: string): unknown {
    const given = this.values[source];
    if (Object.hasOwn(given, key)) return given[key];
    if (source === 'inputs') {
      // An input left out holds its type's empty value on the card: {} for an object, [] for a list.
      const input = this.action?.inputs?.find((i) => i.key === key);
      return input?.default ?? (input?.list ? [] : input?.type === 'object' ? {} : undefined);
    }
    if (source === 'options') return this.action?.options?.find((o) => o.key === key)?.default;
    return undefined;
  }

  optional(source: Source, key: string): boolean {
    if (source === 'inputs') return !this.action?.inputs?.find((i) => i.key === key)?.required;
    if (source === 'options') return !this.action?.options?.find((o) => o.key === key)?.required;
    return this.spec.connectionParameters?.find((p) => p.key === key)?.required === false;
  }

  /** A templated string's value; `encode` percent-encodes the placeholders' text. */
  text(template: string, encode = false): unknown {
    const ps = pieces(template);
    if (ps.length === 1 && isRef(ps[0]!) && !encode) return this.value(ps[0].source, ps[0].key);
    return ps
      .map((p) => {
        if (!isRef(p)) return p.text;
        const t = asText(this.value(p.source, p.key));
        return encode ? encodeURIComponent(t) : t;
      })
      .join('');
  }

  /** Whether the spec value can be left out at run time (it depends only on optional values). */
  canLeaveOut(v: unknown): boolean {
    if (typeof v === 'string') return pieces(v).some((p) => isRef(p) && this.optional(p.source, p.key));
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    const entries = Object.values(v);
    return entries.length > 0 && entries.every((e) => this.canLeaveOut(e));
  }

  /** A JSON value of the spec at run time, or LEFT_OUT. */
  json(v: unknown): unknown {
    if (typeof v === 'string') {
      const ps = pieces(v);
      const optionalEmpty = ps.some(
        (p) => isRef(p) && this.optional(p.source, p.key) && isEmptyValue(this.value(p.source, p.key)),
      );
      if (optionalEmpty) return LEFT_OUT;
      return this.text(v);
    }
    if (Array.isArray(v)) return v.map((item) => this.json(item));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, e] of Object.entries(v)) {
        const r = this.json(e);
        if (r === LEFT_OUT) continue;
        if (this.canLeaveOut(e) && isEmptyValue(r)) continue;
        out[k] = r;
      }
      if (this.canLeaveOut(v) && Object.keys(out).length === 0) return LEFT_OUT;
      return out;
    }
    return v;
  }

  object(v: Record<string, unknown> | undefined): Record<string, unknown> {
    const r = this.json(v ?? {});
    return r === LEFT_OUT ? {} : (r as Record<string, unknown>);
  }
}

function queryPairs(query: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(query)) {
    for (const item of Array.isArray(v) ? v : [v])
      if (item !== null && item !== undefined) out.push([k, asText(item)]);
  }
  return sortPairs(out);
}

/** The authentication method a connection uses (README "What is inferred": Selected Auth). */
function chosenMethod(spec: ConnectorSpec, connection: Record<string, unknown>): Authentication {
  if (!Array.isArray(spec.authentication)) return spec.authentication;
  const selected = connection['selected_auth'];
  return spec.authentication.find((m) => m.key === selected) ?? spec.authentication[0]!;
}

export function sortPairs(pairs: Array<[string, string]>): Array<[string, string]> {
  return [...pairs].sort((a, b) => (a[0] + '\u0000' + a[1] < b[0] + '\u0000' + b[1] ? -1 : 1));
}

/** The request `action` (or the authping request, action undefined) sends with these values. */
export function expectedRequest(
  spec: ConnectorSpec,
  action: Action | undefined,
  values: Values,
): ExpectedRequest {
  const o = new Oracle(spec, action, values);
  const req = action ? action.request : spec.authping.request;
  const base = (o.text(spec.baseUrl, true) as string).replace(/\/+$/, '');
  const url = base + (o.text(req.path, true) as string);

  const query = o.object(req.query);
  const headers: Record<string, string> = {};
  const set = (name: string, value: unknown) => {
    headers[name.toLowerCase()] = asText(value);
  };
  for (const [k, v] of Object.entries(spec.defaultHeaders ?? {})) set(k, o.text(v));

  let body: ExpectedBody | undefined;
  let contentType: string | undefined;
  const b = req.body;
  if (b?.encoding === 'json') {
    contentType = 'application/json';
    const value = o.json(b.fields);
    if (Array.isArray(b.fields) || (value !== LEFT_OUT && !isEmptyValue(value)))
      body = { kind: 'json', value };
  } else if (b?.encoding === 'form') {
    contentType = 'application/x-www-form-urlencoded';
    const pairs: Array<[string, string]> = [];
    for (const [name, template] of Object.entries(b.fields)) {
      const r = o.json(template);
      if (r !== LEFT_OUT) pairs.push([name, asText(o.text(template))]);
    }
    if (pairs.length) body = { kind: 'form', pairs: sortPairs(pairs) };
  } else if (b?.encoding === 'text') {
    contentType = b.contentType ?? 'text/plain';
    const value = o.text(b.content);
    if (!isEmptyValue(value)) body = { kind: 'text', text: asText(value) };
  }
  const own = o.object(req.headers);
  if (contentType && !Object.keys(req.headers ?? {}).some((k) => k.toLowerCase() === 'content-type'))
    set('Content-Type', contentType);
  for (const [k, v] of Object.entries(own)) set(k, v);

  const a = chosenMethod(spec, values.connection);
  if (a.type === 'basic') {
    const pair = `${asText(values.connection['username'])}:${asText(values.connection['password'])}`;
    set('Authorization', `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`);
  } else if (a.type === 'oauth2') {
    set('Authorization', `Bearer ${asText(values.connection['access_token'])}`);
  } else if (a.placement === 'header') {
    set(a.name, o.text(a.value));
  } else {
    query[a.name] = o.text(a.value);
  }
  return { method: req.method, url, query: queryPairs(query), headers, ...(body ? { body } : {}) };
}

/** One call of the Custom API Action, as a flow's card would make it. */
export interface CapiaCall {
  requestType: string;
  relativeUrl: string;
  query?: Record<string, unknown>;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
}

/**
 * The request the Custom API Action sends (README "What a spec's request sends"): the Relative URL after the base
 * URL as given; the Body form-encoded when the caller's Content-Type (any case) is
 * application/x-www-form-urlencoded, else JSON; `Content-Type: application/json` only with a Body on a method that
 * sends one and no Content-Type from the caller; a GET sends no body.
 */
export function expectedCapiaRequest(
  spec: ConnectorSpec,
  connection: Record<string, unknown>,
  call: CapiaCall,
): ExpectedRequest {
  const o = new Oracle(spec, undefined, { inputs: {}, options: {}, connection });
  const base = (o.text(spec.baseUrl, true) as string).replace(/\/+$/, '');
  const headers: Record<string, string> = {};
  const set = (name: string, value: unknown) => {
    headers[name.toLowerCase()] = asText(value);
  };
  for (const [k, v] of Object.entries(spec.defaultHeaders ?? {})) set(k, o.text(v));
  const callerType = Object.entries(call.headers ?? {}).find(
    ([k]) => k.toLowerCase() === 'content-type',
  )?.[1];
  const form = (callerType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  const sendsBody = call.requestType !== 'GET' && !isEmptyValue(call.body);
  if (sendsBody && callerType === undefined) set('Content-Type', 'application/json');
  for (const [k, v] of Object.entries(call.headers ?? {})) if (v !== null && v !== undefined) set(k, v);
  const query: Record<string, unknown> = { ...call.query };
  const a = chosenMethod(spec, connection);
  if (a.type === 'basic') {
    const pair = `${asText(connection['username'])}:${asText(connection['password'])}`;
    set('Authorization', `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`);
  } else if (a.type === 'oauth2') set('Authorization', `Bearer ${asText(connection['access_token'])}`);
  else if (a.placement === 'header') set(a.name, o.text(a.value));
  else query[a.name] = o.text(a.value);
  let body: ExpectedBody | undefined;
  if (sendsBody) {
    if (form) {
      const pairs = queryPairs(call.body!);
      if (pairs.length) body = { kind: 'form', pairs };
    } else body = { kind: 'json', value: call.body };
  }
  return {
    method: call.requestType,
    url: base + call.relativeUrl,
    query: queryPairs(query),
    headers,
    ...(body ? { body } : {}),
  };
}
