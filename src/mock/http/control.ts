import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** The address a mock listens on, as `listenLocal` reports it. */
export interface BoundAddress {
  host: string;
  port: number;
}

export interface ControlRefusal {
  status: 403 | 415;
  error: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Guards a mock's control and inspection endpoints (`/__mock/*`) against web pages the user happens to visit:
 * - the `Host` header must name the mock itself (`127.0.0.1:<port>`, `localhost:<port>`, or the bound address),
 *   which defeats DNS rebinding (a page on `evil.example` re-pointed at 127.0.0.1 sends `Host: evil.example`);
 * - a request that changes state (anything but GET/HEAD) must carry `Content-Type: application/json`. A browser
 *   sends that cross-origin only after a CORS preflight, which the mock never grants, so a page can no longer
 *   reset or poison it with a simple form POST.
 * Returns why the request is refused, or undefined when it may proceed.
 */
export function refuseControlRequest(req: IncomingMessage, bound: BoundAddress): ControlRefusal | undefined {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts(bound).has(host) && !wildcardAllows(bound, host))
    return {
      status: 403,
      error: `Host "${host}" is not this mock (${bound.host}:${bound.port}); /__mock/ endpoints answer only requests addressed to the mock itself`,
    };
  const method = req.method ?? 'GET';
  if (SAFE_METHODS.has(method)) return undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    return {
      status: 415,
      error: `${method} /__mock/ endpoints need "Content-Type: application/json" (a browser cannot send it cross-origin without a preflight this mock never grants)`,
    };
  return undefined;
}

const hostCache = new WeakMap<BoundAddress, Set<string>>();

function allowedHosts(bound: BoundAddress): Set<string> {
  let set = hostCache.get(bound);
  if (set) return set;
  const self = isIP(bound.host) === 6 ? `[${bound.host}]` : bound.host.toLowerCase();
  const names = new Set([self, 'localhost']);
  if (isLoopback(bound.host)) for (const n of LOOPBACK_NAMES) names.add(n);
  set = new Set([...names].flatMap((n) => (bound.port === 80 ? [`${n}:80`, n] : [`${n}:${bound.port}`])));
  hostCache.set(bound, set);
  return set;
}

/** Bound to every interface (0.0.0.0 or ::): any IP-literal Host on the right port (rebinding needs a name). */
function wildcardAllows(bound: BoundAddress, host: string): boolean {
  if (bound.host !== '0.0.0.0' && bound.host !== '::') return false;
  const colon = host.lastIndexOf(':');
  if (colon < 0 || host.slice(colon + 1) !== String(bound.port)) return false;
  const name = host.slice(0, colon);
  return isIP(name.startsWith('[') ? name.slice(1, -1) : name) !== 0;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
