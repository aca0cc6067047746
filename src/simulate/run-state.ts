import type { Flo, Flopack } from '../flopack/types.js';
import type { CardHandler } from '../flopack/semantics/context.js';
import type { LooseFlags } from '../flopack/semantics/values.js';
import type { SimulateOptions, TraceEvent } from './types.js';
import type { HttpTransport } from './transport.js';
import { SecretScrubber, isSecretName } from './redact.js';
import { realSleep } from '../util/timers.js';

/** Everything shared by one top-level run and all the flows it starts. */
export interface RunState {
  flopack: Flopack;
  flags: LooseFlags;
  transport: HttpTransport;
  connections: Record<string, Record<string, unknown>>;
  handlers: ReadonlyMap<string, CardHandler>;
  extra: Record<string, CardHandler>;
  maxSteps: number;
  maxDepth: number;
  httpTimeoutMs: number | undefined;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  steps: number;
  executions: number;
  /** null when no one listens: no events are built. */
  emit: ((e: TraceEvent) => void) | null;
  trace: TraceEvent[];
  /** Masks secrets in trace events (only used when events are built). */
  scrubber: SecretScrubber;
  flowsByRef: Map<string, Flo>;
  /** SimulateOptions.platformInputs: merged over the inputs of every flow of the flopack that starts. */
  platformInputs: Record<string, unknown> | undefined;
  /** What the last Cursor card saved in this run (polling monitors). */
  cursor: { value: unknown } | undefined;
}

/**
 * Cards a run may execute before it stops with `step-limit`: room for Paginate's 5,000 iterations of a page helper of
 * a few dozen cards, far below Okta's own limit (2M, reference §2.9), so a runaway loop stops in seconds.
 */
export const DEFAULT_MAX_STEPS = 250_000;

/** Trace events a run keeps in memory. */
export const MAX_TRACE_EVENTS = 20_000;

const refCache = new WeakMap<Flopack, Map<string, Flo>>();

/** Flows by id, then by exact name, then by case-insensitive name (cached per flopack). */
export function flowsByRef(flopack: Flopack): Map<string, Flo> {
  let m = refCache.get(flopack);
  if (m) return m;
  m = new Map();
  const flos = Object.values(flopack?.data?.flos ?? {});
  for (const f of flos)
    if (f?.name && !m.has(`~${f.name.toLowerCase()}`)) m.set(`~${f.name.toLowerCase()}`, f);
  for (const f of flos) if (f?.name) m.set(f.name, f);
  for (const [id, f] of Object.entries(flopack?.data?.flos ?? {})) m.set(id, f);
  refCache.set(flopack, m);
  return m;
}

export function findFlow(state: Pick<RunState, 'flowsByRef'>, ref: string): Flo | undefined {
  return state.flowsByRef.get(ref) ?? state.flowsByRef.get(`~${ref.toLowerCase()}`);
}

export function createRunState(
  flopack: Flopack,
  flags: LooseFlags,
  handlers: ReadonlyMap<string, CardHandler>,
  options: SimulateOptions,
): RunState {
  const collect = options.collectTrace !== false;
  const trace: TraceEvent[] = [];
  const listener = options.onEvent;
  let emit: RunState['emit'] = null;
  // The trace kept in memory is bounded by events as each event is bounded by size (redact.ts): a flow that loops
  // 10,000 times keeps its first MAX_TRACE_EVENTS; a listener (a streamed trace) still sees every one.
  const keep = (e: TraceEvent) => {
    if (trace.length < MAX_TRACE_EVENTS) trace.push(e);
  };
  if (collect && listener) {
    emit = (e) => {
      keep(e);
      listener(e);
    };
  } else if (collect) emit = keep;
  else if (listener) emit = listener;
  // Card retry delays (1-5 minutes in Okta) pass on a simulated clock unless real time is asked for: `now()` moves
  // on by the delay at once, so a run that retries three times takes milliseconds, not six minutes.
  let simulatedMs = 0;
  const simulatedSleep = (ms: number): Promise<void> => {
    simulatedMs += Number.isFinite(ms) && ms > 0 ? ms : 0;
    return Promise.resolve();
  };
  const scrubber = new SecretScrubber();
  // Connection secrets (password, token...) are known before any card runs.
  for (const conn of Object.values(options.connections ?? {})) {
    for (const [k, v] of Object.entries(conn ?? {})) if (isSecretName(k)) scrubber.add(v);
  }
  for (const value of Object.values(options.platformInputs ?? {})) {
    if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) if (isSecretName(k)) scrubber.add(v);
  }
  for (const secret of options.secrets ?? []) scrubber.add(secret);
  for (const key of options.secretKeys ?? []) scrubber.addSecretKey(key);
  return {
    flopack,
    flags,
    transport: options.transport,
    connections: options.connections ?? {},
    handlers,
    extra: options.extraCards ?? {},
    maxSteps: options.maxSteps ?? DEFAULT_MAX_STEPS,
    maxDepth: options.maxCallDepth ?? 32,
    httpTimeoutMs: options.httpTimeoutMs,
    sleep: options.sleep ?? (options.realTimeDelays ? realSleep : simulatedSleep),
    now: options.now ?? (() => new Date(Date.now() + simulatedMs)),
    steps: 0,
    executions: 0,
    emit,
    trace,
    scrubber,
    flowsByRef: flowsByRef(flopack),
    platformInputs: options.platformInputs,
    cursor: undefined,
  };
}
