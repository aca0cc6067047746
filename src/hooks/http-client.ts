import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { timerDelay } from '../util/timers.js';

/** What a hook caller (Okta, or `hook send` playing Okta) got back. */
export interface HookAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  elapsedMs: number;
  transportError?: string;
  /** Gave up waiting at `giveUpMs`. */
  timedOut?: boolean;
}

export interface HookRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Stop waiting after this long; the answer is then `timedOut`. */
  giveUpMs: number;
  /** Largest body read (default 1 MiB); more is cut off. */
  maxBodyBytes?: number;
}

/** One HTTP exchange with wall-clock timing, never throwing: failures come back as `transportError`. */
export function sendHookRequest(req: HookRequest): Promise<HookAnswer> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const limit = req.maxBodyBytes ?? 1024 * 1024;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Omit<HookAnswer, 'elapsedMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...answer, elapsedMs: elapsed() });
    };
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      resolve({ elapsedMs: 0, transportError: `invalid URL ${req.url}` });
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = { ...req.headers };
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    const client = send(url, { method: req.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= limit) chunks.push(chunk);
      });
      res.on('end', () =>
        finish({
          status: res.statusCode,
          headers: flatten(res.headers),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', (error) => finish({ transportError: error.message }));
    });
    const timer = setTimeout(() => {
      finish({ timedOut: true, transportError: `no answer after ${req.giveUpMs} ms` });
      client.destroy();
    }, timerDelay(req.giveUpMs));
    client.on('error', (error: NodeJS.ErrnoException) =>
      finish({ transportError: error.code ?? error.message }),
    );
    client.end(req.body);
  });
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
