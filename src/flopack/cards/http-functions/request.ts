import { deepFreeze } from '../../../util/deep-freeze.js';
import type { CardContext, HttpRequest, HttpResponse } from '../../semantics/context.js';
import { CardFailure } from '../../semantics/failure.js';
import { isPlainObject } from '../../semantics/fields.js';
import { toText } from '../../semantics/values.js';
import type { FieldSpec } from '../field-spec.js';

export const HTTP_METHODS = deepFreeze(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

const request = (key: string, type: 'string' | 'object', available: string[], extra = {}): FieldSpec => ({
  key,
  group: 'Request',
  type,
  available,
  metadata: { optional: false, ...extra },
});

/**
 * The HTTP function cards' fields, copied from make_api_requests_http_card's Raw Request: group `Request` inputs
 * URL, Method, Query, Headers, Body (string); group `Response` outputs Status Code (number), Headers (object), Body
 * (string). The verb cards (Get, Post…) have the same fields without Method.
 */
export const HTTP_FIELDS = deepFreeze({
  url: request('URL', 'string', ['string']),
  method: request('Method', 'string', ['string'], { type: 'list', choices: HTTP_METHODS }),
  query: request('Query', 'object', ['string', 'object']),
  headers: request('Headers', 'object', ['object']),
  body: request('Body', 'string', ['string']),
  statusCode: { key: 'Status Code', group: 'Response', type: 'number', data: 0, available: ['number'] },
  responseHeaders: { key: 'Headers', group: 'Response', type: 'object', data: {}, available: ['object'] },
  responseBody: { key: 'Body', group: 'Response', type: 'string', available: ['string'] },
} satisfies Record<string, FieldSpec>);

/** Query object -> `a=1&b=2` (lists repeat the key; null/undefined skipped). */
export function queryString(query: unknown): string {
  if (typeof query === 'string') return query.replace(/^\?/, '');
  if (!isPlainObject(query)) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item === null || item === undefined) continue;
      parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(toText(item))}`);
    }
  }
  return parts.join('&');
}

export function withQuery(url: string, query: unknown): string {
  const qs = queryString(query);
  if (!qs) return url;
  return url + (url.includes('?') ? (url.endsWith('?') || url.endsWith('&') ? '' : '&') : '?') + qs;
}

function headersOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isPlainObject(v))
    for (const [k, val] of Object.entries(v)) if (val !== null && val !== undefined) out[k] = toText(val);
  return out;
}

function hasHeader(h: Record<string, string>, name: string): boolean {
  const n = name.toLowerCase();
  return Object.keys(h).some((k) => k.toLowerCase() === n);
}

/**
 * A connection (options.connections for the card's model.config) adds authentication unless the card already
 * sets Authorization [I — Okta keeps connection secrets out of the export, §1.2]: `{authorization}` verbatim,
 * `{username, password}` Basic, `{access_token | token}` Bearer, `{headers: {...}}` extra headers.
 */
export function applyConnection(
  headers: Record<string, string>,
  conn: Record<string, unknown> | undefined,
): void {
  if (!conn) return;
  if (isPlainObject(conn['headers'])) {
    for (const [k, v] of Object.entries(headersOf(conn['headers'])))
      if (!hasHeader(headers, k)) headers[k] = v;
  }
  if (hasHeader(headers, 'authorization')) return;
  if (typeof conn['authorization'] === 'string') headers['Authorization'] = conn['authorization'];
  else if (conn['username'] !== undefined) {
    const basic = Buffer.from(`${toText(conn['username'])}:${toText(conn['password'])}`, 'utf8').toString(
      'base64',
    );
    headers['Authorization'] = `Basic ${basic}`;
  } else if (conn['access_token'] !== undefined || conn['token'] !== undefined) {
    headers['Authorization'] = `Bearer ${toText(conn['access_token'] ?? conn['token'])}`;
  }
}

/** The request an HTTP function card sends; `jsonBody` (the verb cards): an object Body goes as JSON. */
export function buildRequest(ctx: CardContext, method: string, jsonBody: boolean): HttpRequest {
  const i = ctx.inputs;
  const url = withQuery(toText(i[HTTP_FIELDS.url.key]).trim(), i[HTTP_FIELDS.query.key]);
  if (!url) throw new CardFailure(`${ctx.card.node.data.name}: the URL input is empty`);
  const headers = headersOf(i[HTTP_FIELDS.headers.key]);
  applyConnection(headers, ctx.connection());
  const req: HttpRequest = { method, url, headers };
  const body = i[HTTP_FIELDS.body.key];
  if (body !== null && body !== undefined && body !== '' && method !== 'GET' && method !== 'HEAD') {
    if (typeof body === 'string') req.body = body;
    else {
      req.body = JSON.stringify(body);
      if (jsonBody && !hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json';
    }
  }
  return req;
}

/**
 * The response as a card's outputs, keyed by output key. Header names are lower-cased, as Node's HTTP client
 * gives them (HTTP names are case-insensitive; Okta's docs say to name headers in lower case), whatever the
 * transport: generated header outputs read lower-case names.
 */
export function responseOutputs(res: HttpResponse, body: unknown): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) headers[k.toLowerCase()] = v;
  return {
    [HTTP_FIELDS.statusCode.key]: res.status,
    [HTTP_FIELDS.responseHeaders.key]: headers,
    [HTTP_FIELDS.responseBody.key]: body,
  };
}
