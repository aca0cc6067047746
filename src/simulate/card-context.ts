import type {
  CardContext,
  FlowRef,
  HttpRequest,
  HttpResponse,
  SubflowResult,
} from '../flopack/semantics/context.js';
import { CardFailure } from '../flopack/semantics/failure.js';
import type { IoField } from '../flopack/types.js';
import type { FlowPlan, RuntimeCard } from './plan.js';
import { redactHttp } from './redact.js';
import type { RunState } from './run-state.js';
import { TransportError } from './transport.js';

/** A flow being run: its plan, name, nesting depth and execution id. */
export interface Frame {
  plan: FlowPlan;
  name: string;
  id: string;
  depth: number;
  executionId: string;
}

/** Starts a nested flow on behalf of a card (the interpreter's runSub, injected to keep imports one-way). */
export type SubRunner = (
  state: RunState,
  frame: Frame,
  card: RuntimeCard,
  ref: FlowRef,
  inputs: Record<string, unknown>,
  label?: string,
) => Promise<SubflowResult>;

/** An input's value: what arrived along a pin, else null when pinned, else the value typed into the card. */
export function inputValue(
  f: IoField,
  card: RuntimeCard,
  arrived: Map<string, unknown> | undefined,
): unknown {
  if (arrived?.has(f.id)) return arrived.get(f.id);
  // Pinned but nothing arrived (its source did not run): null; otherwise the value typed into the card.
  return card.pinnedInputs.has(f.id) ? null : f.value?.data;
}

/** The context a card's semantics see; a class so per-card setup is one allocation (fields are built on demand). */
export class CardRunContext implements CardContext {
  private controller: AbortController | undefined;
  private fieldList: CardContext['fields'] | undefined;
  constructor(
    private readonly state: RunState,
    private readonly frame: Frame,
    private readonly runtime: RuntimeCard,
    readonly inputs: Record<string, unknown>,
    private readonly arrived: Map<string, unknown> | undefined,
    private readonly attempt: number,
    readonly timeoutMs: number,
    private readonly sub: SubRunner,
  ) {}
  get card() {
    return this.runtime.info.card;
  }
  get tail() {
    return this.runtime.info.tail;
  }
  get flow() {
    return this.frame.name;
  }
  get flowId() {
    return this.frame.id;
  }
  get executionId() {
    return this.frame.executionId;
  }
  get depth() {
    return this.frame.depth;
  }
  get flags() {
    return this.state.flags;
  }
  get flopack() {
    return this.state.flopack;
  }
  get fields(): CardContext['fields'] {
    return (this.fieldList ??= this.runtime.inputs.map((field) => ({
      field,
      value: inputValue(field, this.runtime, this.arrived),
    })));
  }
  get signal(): AbortSignal {
    return (this.controller ??= new AbortController()).signal;
  }
  abort(): void {
    this.controller?.abort();
  }
  connection(): Record<string, unknown> | undefined {
    return connectionFor(this.state, this.runtime);
  }
  http(req: HttpRequest): Promise<HttpResponse> {
    return sendHttp(this.state, this.frame, this.runtime, req, this.timeoutMs, this.attempt, this.signal);
  }
  runFlow(ref: FlowRef, inputs: Record<string, unknown>, label?: string): Promise<SubflowResult> {
    return this.sub(this.state, this.frame, this.runtime, ref, inputs, label);
  }
  now(): Date {
    return this.state.now();
  }
}

export function connectionFor(state: RunState, card: RuntimeCard): Record<string, unknown> | undefined {
  const id = card.info.model?.config;
  if (!id) return undefined;
  const name = state.flopack?.data?.configs?.[id]?.name;
  return state.connections[id] ?? (name !== undefined ? state.connections[name] : undefined);
}

export async function sendHttp(
  state: RunState,
  frame: Frame,
  card: RuntimeCard,
  req: HttpRequest,
  timeoutMs: number,
  attempt: number,
  signal: AbortSignal,
): Promise<HttpResponse> {
  const t0 = performance.now();
  let response: HttpResponse | undefined;
  try {
    response = await state.transport(req, { timeoutMs, signal });
    return response;
  } catch (e) {
    const timedOut = (e instanceof TransportError && e.timedOut) || signal.aborted;
    const msg = e instanceof Error ? e.message : String(e);
    throw new CardFailure(
      `HTTP ${req.method} ${redactHttp({ url: req.url, headers: {} }).url} failed: ${msg}`,
      { timedOut },
    );
  } finally {
    if (state.emit) {
      const ev = {
        type: 'http' as const,
        flow: frame.name,
        card: card.info.name,
        // The URL a person would see on the wire: the transport's when it sent the request elsewhere.
        request: state.scrubber.http(response?.url ? { ...req, url: response.url } : req),
        ...(response?.url ? { artifactUrl: state.scrubber.http({ ...req, headers: {} }).url } : {}),
        ms: performance.now() - t0,
        attempt,
      };
      state.emit(response ? { ...ev, response: state.scrubber.http(response) } : ev);
    }
  }
}
