import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendEmpty, sendJson } from '../http/respond.js';
import type { OpenApiMockContext } from './context.js';

/** The header a script may send instead of a JSON Content-Type; browsers cannot send it cross-origin unasked. */
export const CONTROL_HEADER = 'x-okta-connector-mock';

const ENDPOINTS = [
  'GET /__mock/requests',
  'GET /__mock/operations',
  'GET /__mock/health',
  `POST /__mock/reset (Content-Type: application/json, or ${CONTROL_HEADER}: 1)`,
];

/**
 * `/__mock/*`: inspection and control for tests and people (no auth; never recorded in the request log).
 * A web page the user happens to visit must not reach them: the Host must be the mock's own address (which
 * defeats DNS rebinding), a browser's Origin or Sec-Fetch-Site must say same-origin, and a state change needs a
 * JSON Content-Type or the custom header, both of which make a browser ask first (CORS preflight), and the
 * mock never says yes.
 */
export function handleControl(
  ctx: OpenApiMockContext,
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const refusal = crossOriginRefusal(ctx, req);
  if (refusal) return sendJson(res, 403, { error: refusal });
  const method = req.method ?? 'GET';
  switch (`${method} ${name}`) {
    case 'GET requests':
      return sendJson(res, 200, { requests: ctx.requests.list(), dropped: ctx.requests.droppedCount });
    case 'GET operations':
      return sendJson(res, 200, {
        operations: ctx.model.operations.map((o) => ({
          name: o.name,
          method: o.method.toUpperCase(),
          path: o.path,
        })),
      });
    case 'GET health':
      return sendJson(res, 200, {
        ok: true,
        title: ctx.model.title,
        version: ctx.model.version,
        operations: ctx.model.operations.length,
      });
    case 'POST reset':
      ctx.requests.clear();
      return sendEmpty(res, 204);
    default:
      return sendJson(res, 404, {
        error: `unknown mock endpoint ${method} /__mock/${name}`,
        endpoints: ENDPOINTS,
      });
  }
}

function crossOriginRefusal(ctx: OpenApiMockContext, req: IncomingMessage): string | undefined {
  const own = ownHosts(ctx.address.host, ctx.address.port);
  const host = (req.headers.host ?? '').toLowerCase();
  if (!own.includes(host)) return `Host "${host}" is not this mock's address (${own[0]})`;
  const origin = req.headers.origin;
  if (origin !== undefined && !own.some((h) => origin.toLowerCase() === `http://${h}`)) {
    return `cross-origin requests are refused (Origin ${origin})`;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `cross-site requests are refused (Sec-Fetch-Site ${String(site)})`;
  }
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    const json = /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');
    if (!json && req.headers[CONTROL_HEADER] === undefined) {
      return `send Content-Type: application/json or the ${CONTROL_HEADER} header to change the mock's state`;
    }
  }
  return undefined;
}

/** `host:port` forms that name the bound loopback address. */
function ownHosts(host: string, port: number): string[] {
  const names = new Set([host.includes(':') ? `[${host}]` : host]);
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost') names.add('localhost');
  return [...names].map((h) => `${h}:${port}`);
}
