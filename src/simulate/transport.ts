import http from 'node:http';
import https from 'node:https';

import type { HttpRequest, HttpResponse } from '../flopack/semantics/context.js';
import { timerDelay } from '../util/timers.js';
import { TransportError } from './transport-error.js';

export type { HttpRequest, HttpResponse };
export type HttpTransport = (
  req: HttpRequest,
  opts: { timeoutMs: number; signal?: AbortSignal },
) => Promise<HttpResponse>;

export { TransportError };

// Keep-alive agents: the simulator is benchmarked against direct requests, which reuse sockets too.
const httpAgent = new http.Agent({ keepAlive: true });
const httpsAgent = new https.Agent({ keepAlive: true });

/** Applies the first matching origin rewrite (`from` is an origin prefix such as `https://api.twilio.com`). */
export function rewriteUrl(url: string, rewrite: ReadonlyArray<{ from: string; to: string }>): string {
  for (const r of rewrite) {
    const from = r.from.replace(/\/+$/, '');
    if (url === from || url.startsWith(from + '/') || url.startsWith(from + '?')) {
      return r.to.replace(/\/+$/, '') + url.slice(from.length);
    }
  }
  return url;
}

/**
 * Real HTTP over node:http/https. `rewrite` maps origins, e.g. [{ from: 'https://api.twilio.com', to:
 * 'http://127.0.0.1:4010' }], so a flow that names the real service talks to a mock without editing the artifact.
 */
export function createHttpTransport(
  opts: { rewrite?: Array<{ from: string; to: string }> } = {},
): HttpTransport {
  const rewrite = opts.rewrite ?? [];
  return (req, { timeoutMs, signal }) =>
    new Promise<HttpResponse>((resolve, reject) => {
      let target: URL;
      const actual = rewriteUrl(req.url, rewrite);
      try {
        target = new URL(actual);
      } catch {
        reject(new TransportError(`invalid URL "${req.url}"`));
        return;
      }
      if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        reject(new TransportError(`unsupported URL scheme "${target.protocol}" in "${req.url}"`));
        return;
      }
      if (signal?.aborted) {
        reject(new TransportError('request aborted', true));
        return;
      }
      const lib = target.protocol === 'https:' ? https : http;
      const headers: Record<string, string> = { ...req.headers };
      if (req.body !== undefined && !hasHeader(headers, 'content-length')) {
        headers['Content-Length'] = String(Buffer.byteLength(req.body));
      }
      let settled = false;
      const finish = (err: TransportError | null, res?: HttpResponse): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve(res!);
      };
      const request = lib.request(
        target,
        {
          method: req.method.toUpperCase(),
          headers,
          agent: target.protocol === 'https:' ? httpsAgent : httpAgent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => finish(new TransportError(e.message)));
          res.on('end', () => {
            const out: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) {
              if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
            }
            finish(null, {
              status: res.statusCode ?? 0,
              headers: out,
              body: Buffer.concat(chunks).toString('utf8'),
              ...(actual !== req.url ? { url: actual } : {}),
            });
          });
        },
      );
      const timer = setTimeout(() => {
        finish(new TransportError(`request timed out after ${timeoutMs} ms`, true));
        request.destroy();
      }, timerDelay(timeoutMs));
      const onAbort = (): void => {
        finish(new TransportError('request aborted', true));
        request.destroy();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      request.on('error', (e) => finish(new TransportError(`${req.method} ${target.origin}: ${e.message}`)));
      if (req.body !== undefined) request.write(req.body);
      request.end();
    });
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}
