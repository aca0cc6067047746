import { CONNECTION_INPUT_KEY } from '../connector/contract.js';
import {
  createHttpTransport,
  rewriteUrl,
  TransportError,
  type HttpTransport,
} from '../simulate/transport.js';
import type { FlowResult, TraceEvent } from '../simulate/types.js';
import type { Connection } from './connection.js';
import type { Target, TargetFlow } from './target.js';
import { append } from '../util/append.js';
import { completeConnection, configValueOfFlow, maskConfigValueResult } from './config-values.js';
import { allConfigValues } from '../spec/auth-types.js';
import { realSleep } from '../util/timers.js';

/** Twilio's API origin: exports such as send_sms_via_twilio call it by name (reference §1.8). */
export const TWILIO_ORIGIN = 'https://api.twilio.com';

export interface RunFlowRequest {
  target: Target;
  flow: TargetFlow;
  options: Record<string, unknown>;
  inputs: Record<string, unknown>;
  /** Generated connectors: the `auth` input. Exports: used for every config unless `connections` names one. */
  connection: Connection;
  /** Exports: connection values per config id or name. */
  connections?: Record<string, Record<string, unknown>>;
  /** Where HTTP goes: the embedded mock's URL or --base-url. Requests to any other origin are refused. */
  serverUrl: string;
  /** More origins to send to `serverUrl` (an OpenAPI mock's servers), besides the spec's base URL. */
  origins?: string[];
  httpTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  onEvent?: (event: TraceEvent) => void;
  /** Replaces the HTTP transport (tests); the origin rewrite and confinement still apply. */
  transport?: HttpTransport;
  /** Wraps the transport that sends (after the origin rewrite): `simulate --record` sees every exchange. */
  wrapTransport?: (inner: HttpTransport) => HttpTransport;
}

/**
 * Runs one flow of the artifact with the interpreter. The artifact is never edited: its real origin (the spec's
 * base URL, or api.twilio.com for exports) is rewritten to `serverUrl` by the transport.
 */
export async function runTargetFlow(req: RunFlowRequest): Promise<FlowResult> {
  const { runFlow } = await import('../simulate/index.js');
  const origins = new Set([...originsToRewrite(req.target), ...(req.origins ?? [])]);
  const rewrite = [...origins].map((from) => ({ from, to: req.serverUrl }));
  const inner = req.transport ?? createHttpTransport({ rewrite });
  const transport = confine(req.wrapTransport ? req.wrapTransport(inner) : inner, rewrite, req.serverUrl);
  // Generated connectors: Connector Builder fills each flow's Auth section from the connection (contract), so the
  // connection reaches httpHelper whether or not a Call Flow passes it on.
  const flowInputs = req.target.generated ? { ...req.options, ...req.inputs } : { ...req.inputs };
  const common = {
    transport,
    ...(req.httpTimeoutMs !== undefined ? { httpTimeoutMs: req.httpTimeoutMs } : {}),
    ...(req.sleep ? { sleep: req.sleep } : {}),
    ...(req.now ? { now: req.now } : {}),
  };
  // A config value's own helper flow reads only the parameters the person entered: nothing to complete first.
  const ownConfig =
    req.target.generated && req.target.spec ? configValueOfFlow(req.target.spec, req.flow.name) : undefined;
  // Config values: static ones and those a helper flow computes join the connection first (config-values.ts).
  const completed =
    !ownConfig && req.target.generated && req.target.spec
      ? await completeConnection({
          spec: req.target.spec,
          flopack: req.target.flopack,
          connection: req.connection,
          run: (floId, inputs, options) =>
            runFlow(req.target.flopack, floId, inputs, { ...common, ...options }),
          ...(req.onEvent ? { onEvent: req.onEvent } : {}),
        })
      : undefined;
  if (completed?.failure) return completed.failure;
  const connection = completed?.connection ?? req.connection;
  const result = await runFlow(req.target.flopack, req.flow.floId, flowInputs, {
    transport,
    ...(req.target.generated ? { platformInputs: { [CONNECTION_INPUT_KEY]: connection } } : {}),
    ...(completed?.secrets.length ? { secrets: completed.secrets } : {}),
    ...(completed?.secretKeys.length ? { secretKeys: completed.secretKeys } : {}),
    connections: req.connections ?? connectionsForConfigs(req.target, req.connection),
    ...(req.httpTimeoutMs !== undefined ? { httpTimeoutMs: req.httpTimeoutMs } : {}),
    ...(req.sleep ? { sleep: req.sleep } : {}),
    ...(req.now ? { now: req.now } : {}),
    // A config value's own flow is passed on only once its value is masked (below).
    ...(req.onEvent && !ownConfig ? { onEvent: req.onEvent } : {}),
  });
  if (ownConfig) {
    const masked = maskConfigValueResult(ownConfig, result);
    for (const event of masked.trace) req.onEvent?.(event);
    return masked;
  }
  if (!completed?.trace.length) return result;
  return { ...result, trace: [...completed.trace, ...result.trace], steps: result.steps + completed.steps };
}

/** The origins the artifact calls that should reach the server under test. */
export function originsToRewrite(target: Target): string[] {
  const origins = new Set<string>();
  const fromSpec = target.spec ? staticOrigin(target.spec.baseUrl) : undefined;
  if (fromSpec) origins.add(fromSpec);
  // A config value's request may go elsewhere (a token endpoint on its own host): that reaches the server too.
  for (const { config } of target.spec ? allConfigValues(target.spec) : []) {
    const other = config.helperFlow?.url ? staticOrigin(config.helperFlow.url) : undefined;
    if (other) origins.add(other);
  }
  origins.add(TWILIO_ORIGIN);
  return [...origins];
}

/** `https://api.twilio.com/2010-04-01/...` → `https://api.twilio.com`; undefined when the host is templated. */
export function staticOrigin(baseUrl: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)/i.exec(baseUrl);
  if (!m?.[1] || m[1].includes('${')) return undefined;
  return m[1];
}

/** Every config of an export gets the one connection given (most exports have a single HTTP config). */
function connectionsForConfigs(
  target: Target,
  connection: Connection,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const config of Object.values(target.flopack.data.configs ?? {})) out[config.id] = connection;
  return out;
}

/**
 * Refuses requests that would leave the chosen server after rewriting, so a simulation never reaches the real
 * Twilio (or anything else) by accident.
 */
function confine(
  transport: HttpTransport,
  rewrite: Array<{ from: string; to: string }>,
  serverUrl: string,
): HttpTransport {
  const server = new URL(serverUrl).origin;
  return async (request, opts) => {
    const url = rewriteUrl(request.url, rewrite);
    let origin: string | undefined;
    try {
      origin = new URL(url).origin;
    } catch {
      origin = undefined;
    }
    if (origin !== server) {
      throw new TransportError(
        `the simulation only talks to ${server}; refused ${request.method} ${request.url.split('?')[0]}`,
      );
    }
    return transport(request, opts);
  };
}

/** The calling card's error handling in Okta ("Retry", reference §2.9 [I]): how often to run a failed action again. */
export interface RetryPolicy {
  /** Extra attempts after the first. */
  times: number;
  /** Wait when the response gave no Retry-After (doubles per attempt). Default 1000 ms. */
  delayMs?: number;
}

/**
 * Runs the flow and, when it fails with a status worth retrying (429, 5xx) or a timeout, runs it again up to
 * `retry.times` more times: what an Okta card configured to retry on error does [I]. Waits honour Twilio's
 * Retry-After (reference §3.1) through the injected sleep. The artifact itself is unchanged. Traces concatenate.
 */
export async function runWithRetry(
  req: RunFlowRequest,
  retry: RetryPolicy | undefined,
): Promise<FlowResult & { attempts: number }> {
  const sleep = req.sleep ?? realSleep;
  const trace: FlowResult['trace'] = [];
  for (let attempt = 1; ; attempt++) {
    const result = await runTargetFlow(req);
    append(trace, result.trace);
    if (result.ok || attempt > (retry?.times ?? 0) || !retryable(result.error)) {
      return { ...result, trace, attempts: attempt };
    }
    const after = retryAfterMs(result.trace);
    await sleep(after ?? (retry?.delayMs ?? 1000) * 2 ** (attempt - 1));
  }
}

function retryable(error: { statusCode?: number; kind: string; message: string }): boolean {
  if (error.statusCode === 429 || (error.statusCode !== undefined && error.statusCode >= 500)) return true;
  return error.kind === 'timeout' || /timed out/i.test(error.message);
}

/** Retry-After (seconds) of the last HTTP response in a trace, in ms. */
function retryAfterMs(trace: FlowResult['trace']): number | undefined {
  for (let i = trace.length - 1; i >= 0; i--) {
    const e = trace[i];
    if (e?.type !== 'http' || !e.response) continue;
    const header = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
    const seconds = header === undefined ? NaN : Number(header);
    return Number.isFinite(seconds) ? seconds * 1000 : undefined;
  }
  return undefined;
}
