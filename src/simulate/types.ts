import type { CardHandler, FlowError, HttpRequest, HttpResponse } from '../flopack/semantics/context.js';
import type { HttpTransport } from './transport.js';

export type {
  CardContext,
  CardHandler,
  CardResult,
  FlowError,
  FlowRef,
  SubflowResult,
} from '../flopack/semantics/context.js';

export interface SimulateOptions {
  transport: HttpTransport;
  /** Connection values for cards whose model.config names a config (keyed by config id or config name). */
  connections?: Record<string, Record<string, unknown>>;
  /** Default DEFAULT_MAX_STEPS, 250,000 (Okta's documented limit is 2M steps per flow, reference §2.9). */
  maxSteps?: number;
  /** Default 32. */
  maxCallDepth?: number;
  onEvent?: (event: TraceEvent) => void;
  /** Injected so retries/delays are testable without waiting. Default: a simulated clock (see realTimeDelays). */
  sleep?: (ms: number) => Promise<void>;
  /** Wait card retry delays in real time; by default they pass on a simulated clock that `now()` follows. */
  realTimeDelays?: boolean;
  now?: () => Date;
  /** Card-address-tail (`okta:readUser`) or full address -> handler overrides/additions. */
  extraCards?: Record<string, CardHandler>;
  /** Overrides every HTTP card's model.timeout (the artifact says 30 s); used by scenario settings. */
  httpTimeoutMs?: number;
  /**
   * Start-card inputs the platform fills on every flow of the flopack it starts, top-level or through Call Flow,
   * over whatever a caller passed: Connector Builder's Auth section (src/connector/contract.ts). Values that are
   * objects have their secret-named fields masked in the trace.
   */
  platformInputs?: Record<string, unknown>;
  /** Values never to show in a trace whatever their field's name (a session token a config value's flow fetched). */
  secrets?: readonly string[];
  /** Field names whose values are secret besides the usual ones (a Password config value's key). */
  secretKeys?: readonly string[];
  /** Collect `trace` in the result (default true). With false and no onEvent, no events are built at all. */
  collectTrace?: boolean;
}

export type FlowResult =
  | {
      ok: true;
      outputs: Record<string, unknown>;
      raw?: { statusCode: number; headers: Record<string, unknown>; body: unknown };
      /** A polling monitor's Cursor card ran: the value its next run gets as Cursor. */
      cursor?: { value: unknown };
      /** The flow ended at a Continue If (a webhook delivery its filter dropped): no Return ran. */
      stopped?: true;
      steps: number;
      trace: TraceEvent[];
    }
  | { ok: false; error: FlowError; steps: number; trace: TraceEvent[] };

export type TraceEvent =
  | { type: 'flow-start'; flow: string; depth: number; inputs: Record<string, unknown> }
  | {
      type: 'card';
      flow: string;
      card: string;
      uuid: string;
      address: string;
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
      ms: number;
      depth: number;
    }
  | {
      type: 'http';
      flow: string;
      card: string;
      /** As sent: its URL is the one actually requested (after `--base-url` / mock rewrites). */
      request: HttpRequest;
      /** The URL the artifact asked for, when the transport sent the request elsewhere. */
      artifactUrl?: string;
      response?: HttpResponse;
      ms: number;
      attempt: number;
    }
  | {
      type: 'flow-end';
      flow: string;
      depth: number;
      ok: boolean;
      outputs?: Record<string, unknown>;
      error?: FlowError;
    };
