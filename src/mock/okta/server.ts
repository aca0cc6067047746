import { timerDelay } from '../../util/timers.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  listenLocal,
  Redactor,
  RequestLog,
  secretEquals,
  sendJson,
  DEFAULT_REQUEST_LOG_SIZE,
  type RawRequest,
} from '../http/index.js';
import { DEFAULT_OKTA_TOKEN, OKTA_SEED, type MockOktaUser, type OktaSeed } from './defaults.js';
import { errorIdFactory, oktaErrors, type OktaError } from './errors.js';

export interface MockOktaOptions {
  /** 0 (default) picks a free port. The mock listens on 127.0.0.1 only. */
  port?: number;
  /** Users to serve (default OKTA_SEED). */
  seed?: OktaSeed;
  /** The API token `Authorization: SSWS <token>` must carry (default DEFAULT_OKTA_TOKEN). */
  token?: string;
  /** One line per request (method, path, status, ms); the token never appears. */
  log?: (line: string) => void;
  /** Requests the log keeps, oldest dropped first (default 10,000). */
  maxLoggedRequests?: number;
}

/** One request as the mock saw it; the Authorization value is redacted. */
export interface MockOktaRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  status: number;
}

/** A fault the next matching requests get: a delay, an error status, or both. */
export interface MockOktaFault {
  /** Only requests for this user id or login (default: every request). */
  user?: string;
  delayMs?: number;
  status?: 401 | 404 | 429 | 500;
  /** How many requests it applies to (default: all). */
  times?: number;
}

export interface MockOkta {
  /** `http://127.0.0.1:<port>`; flows address https://<domain> and the transport rewrites it here. */
  url: string;
  requests(): MockOktaRequest[];
  addFault(fault: MockOktaFault): void;
  close(): Promise<void>;
}

const USER_PATH = /^\/api\/v1\/users\/([^/]+)$/;

/** A mock of Okta's Users API: `GET /api/v1/users/{id or login}` with SSWS token auth and Okta's error format. */
export async function startMockOkta(options: MockOktaOptions = {}): Promise<MockOkta> {
  const users = structuredClone((options.seed ?? OKTA_SEED).users);
  const token = options.token ?? DEFAULT_OKTA_TOKEN;
  const nextErrorId = errorIdFactory();
  const log = new RequestLog<RawRequest>(options.maxLoggedRequests ?? DEFAULT_REQUEST_LOG_SIZE);
  const redactor = new Redactor({ secrets: [token] });
  const faults: MockOktaFault[] = [];
  let origin = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Okta ignores GET bodies; drain whatever came so the socket can be reused.
    req.resume();
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://mock');
    const method = req.method ?? 'GET';
    const match = USER_PATH.exec(url.pathname);
    const userRef = match?.[1] !== undefined ? safeDecode(match[1]) : undefined;
    const fault = takeFault(faults, userRef);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, timerDelay(fault.delayMs ?? 0)));

    let reply: { status: number; body: unknown };
    if (!authorized(req.headers.authorization, token))
      reply = asReply(oktaErrors.invalidToken(nextErrorId()));
    else if (fault?.status) reply = asReply(faultError(fault.status, userRef ?? url.pathname, nextErrorId()));
    else if (userRef === undefined) reply = asReply(oktaErrors.notFound(url.pathname, nextErrorId()));
    else if (method !== 'GET') reply = asReply(oktaErrors.methodNotAllowed(nextErrorId()));
    else {
      const user = findUser(users, userRef);
      reply = user
        ? { status: 200, body: withLinks(user, origin) }
        : asReply(oktaErrors.userNotFound(userRef, nextErrorId()));
    }
    // Kept raw, redacted when read (requests()).
    log.add({ method, path: url.pathname, search: '', headers: req.headers, status: reply.status });
    options.log?.(`${method} ${url.pathname} ${reply.status} ${Math.round(performance.now() - started)}ms`);
    // Okta reports its rate limit on every response (developer.okta.com "Rate limits").
    sendJson(res, reply.status, reply.body, {
      'X-Rate-Limit-Limit': '600',
      'X-Rate-Limit-Remaining': '599',
      'X-Rate-Limit-Reset': '0',
    });
  };

  const server = await listenLocal(
    (req, res) =>
      void handle(req, res).catch(() => sendJson(res, 500, oktaErrors.internal(nextErrorId()).body)),
    { port: options.port },
  );
  origin = server.url;
  return {
    url: origin,
    requests: () =>
      redactor
        .records(log.list())
        .map(({ method, path, headers, status }) => ({ method, path, headers, status })),
    addFault: (fault) => void faults.push({ ...fault }),
    close: () => server.close(),
  };
}

/** `SSWS <token>`, the token compared in constant time. */
function authorized(header: string | undefined, token: string): boolean {
  if (!header) return false;
  const m = /^SSWS\s+(.+)$/.exec(header.trim());
  return m !== null && secretEquals(m[1]!, token);
}

function findUser(users: MockOktaUser[], ref: string): MockOktaUser | undefined {
  const lower = ref.toLowerCase();
  return users.find((u) => u.id === ref || u.profile.login.toLowerCase() === lower);
}

function withLinks(user: MockOktaUser, origin: string): unknown {
  return { ...user, _links: { self: { href: `${origin}/api/v1/users/${user.id}` } } };
}

function takeFault(faults: MockOktaFault[], user: string | undefined): MockOktaFault | undefined {
  const index = faults.findIndex((f) => f.user === undefined || f.user === user);
  const fault = faults[index];
  if (!fault) return undefined;
  if (fault.times !== undefined) {
    fault.times -= 1;
    if (fault.times <= 0) faults.splice(index, 1);
  }
  return fault;
}

function faultError(status: number, ref: string, id: string): OktaError {
  if (status === 401) return oktaErrors.invalidToken(id);
  if (status === 404) return oktaErrors.userNotFound(ref, id);
  if (status === 429) return oktaErrors.rateLimited(id);
  return oktaErrors.internal(id);
}

function asReply(error: OktaError): { status: number; body: unknown } {
  return { status: error.status, body: error.body };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
