import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseQuery, sendJson } from '../mock/http/index.js';
import type { FlowResult } from '../simulate/types.js';
import type { EndpointRequest } from './serve.js';

/** How `hook serve` turns an HTTP request into flow inputs and a flow result into the HTTP answer. */
const TOKEN_HEADER = 'x-api-client-token';

export function endpointRequest(
  req: IncomingMessage,
  url: URL,
  body: string,
  json: unknown,
): EndpointRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === TOKEN_HEADER) continue;
    headers[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  const params = new URLSearchParams(url.search);
  params.delete('clientToken');
  const rawQuery = params.toString();
  return { method: req.method ?? 'POST', headers, rawQuery, query: parseQuery(rawQuery), body, json };
}

/** Return Raw answers as the flow says; a flow without one answers its outputs as JSON; a failed flow 500 [I]. */
export function sendResult(res: ServerResponse, result: FlowResult): void {
  if (result.ok && result.raw) {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(result.raw.headers ?? {}))
      if (v !== undefined && v !== null) headers[k] = String(v);
    const body =
      typeof result.raw.body === 'string' ? result.raw.body : JSON.stringify(result.raw.body ?? '');
    res.writeHead(result.raw.statusCode, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
    res.end(body);
    return;
  }
  if (result.ok) return sendJson(res, 200, result.outputs);
  sendJson(res, statusOf(result), { error: result.error.message });
}

export function statusOf(result: FlowResult): number {
  if (result.ok) return result.raw?.statusCode ?? 200;
  return result.error.kind === 'return-error' && result.error.statusCode ? result.error.statusCode : 500;
}

export function resultDetail(result: FlowResult): string {
  if (result.ok) return `flow ran (${result.steps} steps)`;
  const card = result.error.card ? ` at card "${result.error.card.name}"` : '';
  return `flow failed${card}: ${result.error.message}`;
}
