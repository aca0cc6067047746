import { CardFailure } from '../failure.js';
import type { HttpRequest, HttpResponse } from '../transport.js';
import type { CardContext, CardHandler } from '../types.js';
import { toText } from '../values.js';
import { isPlainObject } from './helpers.js';

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

function buildRequest(ctx: CardContext, method: string, jsonBody: boolean): HttpRequest {
  const i = ctx.inputs;
  const url = withQuery(toText(i['URL']).trim(), i['Query']);
  if (!url) throw new CardFailure(`${ctx.card.node.data.name}: the URL input is empty`);
  const headers = headersOf(i['Headers']);
  applyConnection(headers, ctx.connection());
  const req: HttpRequest = { method, url, headers };
  const body = i['Body'];
  if (body !== null && body !== undefined && body !== '' && method !== 'GET' && method !== 'HEAD') {
    if (typeof body === 'string') req.body = body;
    else {
      req.body = JSON.stringify(body);
      if (jsonBody && !hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json';
    }
  }
  return req;
}

function parseBody(res: HttpResponse): unknown {
  const t = res.body.trim();
  if (t === '') return {};
  try {
    return JSON.parse(t);
  } catch {
    return res.body;
  }
}

/**
 * HTTP Raw Request (reference §1.7): URL, Method, Query (object -> query string), Headers, Body (text) in;
 * Status Code (number), Headers (object), Body (text) out. Any status is a result, not an error; only a transport
 * failure or timeout fails the card.
 */
const raw: CardHandler = async (ctx) => {
  const method = (toText(ctx.inputs['Method']).trim() || 'GET').toUpperCase();
  const res = await ctx.http(buildRequest(ctx, method, false));
  return { outputs: { 'Status Code': res.status, Headers: res.headers, Body: res.body } };
};

/**
 * API Connector Get/Post/Put/Patch/Delete (reference §1.7/§1.8): an object Body is sent as JSON; the Body output is
 * parsed JSON (text when it is not JSON). A status >= 400 fails the card [I], with the parsed body for If Error.
 */
const verb =
  (method: string): CardHandler =>
  async (ctx) => {
    const res = await ctx.http(buildRequest(ctx, method, true));
    const body = parseBody(res);
    if (res.status >= 400) {
      const detail = isPlainObject(body) && typeof body['message'] === 'string' ? `: ${body['message']}` : '';
      throw new CardFailure(`${ctx.card.node.data.name}: HTTP ${res.status}${detail}`, {
        statusCode: res.status,
        body,
      });
    }
    return { outputs: { 'Status Code': res.status, Headers: res.headers, Body: body } };
  };

export const httpCards: Record<string, CardHandler> = {
  'httpfunctions:raw': raw,
  'httpfunctions:get': verb('GET'),
  'httpfunctions:post': verb('POST'),
  'httpfunctions:put': verb('PUT'),
  'httpfunctions:patch': verb('PATCH'),
  'httpfunctions:delete': verb('DELETE'),
};
