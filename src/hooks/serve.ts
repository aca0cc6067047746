import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import {
  BodyError,
  listenLocal,
  parseQuery,
  readBody,
  sendJson,
  type FormFields,
} from '../mock/http/index.js';
import type { FlowResult } from '../simulate/types.js';
import { aliasFromPath, invokePath } from './alias.js';
import { endpointRequest, resultDetail, sendResult, statusOf } from './serve-response.js';
import { secretsEqual } from './client-token.js';
import { createEventHookReceiver } from './event-hook.js';
import { OKTA_HOOK_TIMEOUT_MS } from './telephony-verdict.js';

/**
 * `hook serve`: API Endpoint flows on loopback, invoked as Workflows invokes them (reference §3.4): POST or GET
 * `/api/flo/<alias>/invoke`, the client token in `x-api-client-token` or `?clientToken=`, a JSON body; plus an
 * event hook receiver at `/event-hook` (§3.3). Every request is timed against Okta's 3-second budget.
 */
export interface EndpointRequest {
  method: string;
  /** Lower-case names; the client token header removed. */
  headers: Record<string, string>;
  /** The query string without `clientToken`, as the API Endpoint's raw `query` string. */
  rawQuery: string;
  query: FormFields;
  body: string;
  /** The parsed body, undefined when empty. */
  json: unknown;
}

export interface HookEndpoint {
  alias: string;
  name: string;
  /** Where the flow came from (file path), for the startup listing. */
  source?: string;
  run(req: EndpointRequest): Promise<FlowResult>;
}

export interface HookRequestReport {
  kind: 'invoke' | 'event-hook' | 'event-forward' | 'other';
  method: string;
  /** The path only: the query (which may carry the client token) is never reported. */
  path: string;
  endpoint?: string;
  status: number;
  durationMs: number;
  budgetMs: number;
  overBudget: boolean;
  detail?: string;
}

export interface HookServerOptions {
  endpoints: HookEndpoint[];
  clientToken: string;
  eventHook?: { secret: string; forward?: HookEndpoint };
  port?: number;
  host?: string;
  budgetMs?: number;
  /** Largest request body (default 1 MiB). */
  maxBodyBytes?: number;
  onReport?: (report: HookRequestReport) => void;
}

export interface HookServer {
  url: string;
  endpoints: Array<{ name: string; alias: string; invokeUrl: string; source?: string }>;
  eventHookUrl?: string;
  /** Resolves when forwarded event hook runs have finished. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_HOOK_PATH = '/event-hook';
const TOKEN_HEADER = 'x-api-client-token';

export async function startHookServer(options: HookServerOptions): Promise<HookServer> {
  const budgetMs = options.budgetMs ?? OKTA_HOOK_TIMEOUT_MS;
  const byAlias = new Map(options.endpoints.map((e) => [e.alias, e]));
  const receiver = options.eventHook
    ? createEventHookReceiver({ secret: options.eventHook.secret })
    : undefined;
  const pending = new Set<Promise<void>>();
  const report = (r: Omit<HookRequestReport, 'budgetMs' | 'overBudget'>) =>
    options.onReport?.({ ...r, budgetMs, overBudget: r.durationMs > budgetMs });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://local');
    const method = req.method ?? 'GET';
    let kind: HookRequestReport['kind'] = 'other';
    let endpoint: string | undefined;
    let detail: string | undefined;
    res.on('finish', () =>
      report({
        kind,
        method,
        path: url.pathname,
        endpoint,
        status: res.statusCode,
        durationMs: performance.now() - started,
        detail,
      }),
    );
    const reply = (status: number, body: unknown, why?: string) => {
      detail ??= why;
      sendJson(res, status, body);
    };

    const alias = aliasFromPath(url.pathname);
    if (alias !== undefined) {
      kind = 'invoke';
      const target = byAlias.get(alias);
      if (!target) return reply(404, { error: 'No flow with this alias' }, 'unknown alias');
      endpoint = target.name;
      if (method !== 'POST' && method !== 'GET') return reply(405, { error: 'Use POST or GET' });
      // [I] Workflows' exact 401 body is not documented; any missing or wrong token is refused.
      const given = header(req, TOKEN_HEADER) ?? first(parseQuery(url.search.slice(1)).clientToken);
      if (!secretsEqual(given, options.clientToken))
        return reply(
          401,
          { error: 'Unauthorized' },
          given === undefined ? 'no client token' : 'wrong client token',
        );
      const body = await read(req, res, options.maxBodyBytes);
      if (body === undefined) return void (detail = 'body not read');
      let json: unknown;
      if (body.trim() !== '') {
        try {
          json = JSON.parse(body);
        } catch {
          return reply(400, { error: 'The request body is not valid JSON' }, 'malformed JSON body');
        }
      }
      const result = await target.run(endpointRequest(req, url, body, json));
      detail = resultDetail(result);
      return sendResult(res, result);
    }

    if (url.pathname === EVENT_HOOK_PATH && receiver) {
      kind = 'event-hook';
      const body = await read(req, res, options.maxBodyBytes);
      if (body === undefined) return;
      const { reply: r, outcome } = receiver.handle({ method, headers: req.headers, body });
      if (outcome.kind === 'rejected') detail = outcome.reason;
      else if (outcome.kind === 'verification') detail = 'verification challenge answered';
      else detail = `${outcome.received} event(s), ${outcome.duplicates} duplicate(s) ignored`;
      res.writeHead(r.status, r.headers).end(r.body);
      const forward = options.eventHook?.forward;
      if (outcome.kind === 'delivery' && outcome.events.length > 0 && forward) {
        const payload = { ...(JSON.parse(body) as object), data: { events: outcome.events } };
        track(forwardEvents(forward, payload));
      }
      return;
    }
    reply(404, { error: 'Not found' });
  };

  const forwardEvents = async (target: HookEndpoint, payload: unknown): Promise<void> => {
    const started = performance.now();
    const text = JSON.stringify(payload);
    const result = await target
      .run({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        rawQuery: '',
        query: {},
        body: text,
        json: payload,
      })
      .catch((error: unknown): FlowResult => ({
        ok: false,
        error: { message: String((error as Error)?.message ?? error), kind: 'bad-flow', flow: target.name },
        steps: 0,
        trace: [],
      }));
    report({
      kind: 'event-forward',
      method: 'POST',
      path: invokePath(target.alias),
      endpoint: target.name,
      status: statusOf(result),
      durationMs: performance.now() - started,
      detail: resultDetail(result),
    });
  };

  const track = (p: Promise<void>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  const server = await listenLocal(
    (req, res) =>
      void handle(req, res).catch((error: unknown) => {
        sendJson(res, 500, { error: 'Internal error in okta-connector hook serve' });
        void error;
      }),
    { port: options.port, host: options.host },
  );
  return {
    url: server.url,
    endpoints: options.endpoints.map((e) => ({
      name: e.name,
      alias: e.alias,
      invokeUrl: server.url + invokePath(e.alias),
      source: e.source,
    })),
    eventHookUrl: receiver ? server.url + EVENT_HOOK_PATH : undefined,
    settle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close: () => server.close(),
  };
}

async function read(
  req: IncomingMessage,
  res: ServerResponse,
  limit = 1024 * 1024,
): Promise<string | undefined> {
  try {
    return (await readBody(req, { limit, timeoutMs: 10_000 })).toString('utf8');
  } catch (error) {
    if (error instanceof BodyError && error.kind === 'too-large')
      sendJson(res, 413, { error: `The request body is larger than ${limit} bytes` });
    else if (error instanceof BodyError && error.kind === 'timeout')
      sendJson(res, 408, { error: 'Request timeout' });
    else res.destroy();
    return undefined;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
