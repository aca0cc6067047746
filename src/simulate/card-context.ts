import type { IoField } from '../flopack/types.js';
import { CardFailure } from './failure.js';
import type { CardInfo, FloIndex } from './flow-index.js';
import { redactHttp } from './redact.js';
import type { RunState } from './run-state.js';
import { TransportError, type HttpRequest, type HttpResponse } from './transport.js';
import type { CardContext, FlowRef, SubflowResult } from './types.js';

/** A flow being run: its index, name, nesting depth and execution id. */
export interface Frame {
  index: FloIndex;
  name: string;
  id: string;
  depth: number;
  executionId: string;
}

/** Starts a nested flow on behalf of a card (the interpreter's runSub, injected to keep imports one-way). */
export type SubRunner = (
  state: RunState,
  frame: Frame,
  info: CardInfo,
  ref: FlowRef,
  inputs: Record<string, unknown>,
  label?: string,
) => Promise<SubflowResult>;

export function inputValue(f: IoField, info: CardInfo, mine: Map<string, unknown> | undefined): unknown {
  if (mine?.has(f.id)) return mine.get(f.id);
  // Pinned but nothing arrived (its source did not run): null; otherwise the value typed into the card.
  return info.pinnedInputs.has(f.id) ? null : f.value?.data;
}

/** The context a handler sees; a class so per-card setup is one allocation (fields are built on demand). */
export class Ctx implements CardContext {
  private controller: AbortController | undefined;
  private fieldList: CardContext['fields'] | undefined;
  constructor(
    private readonly state: RunState,
    private readonly frame: Frame,
    private readonly info: CardInfo,
    readonly inputs: Record<string, unknown>,
    private readonly mine: Map<string, unknown> | undefined,
    private readonly attempt: number,
    readonly timeoutMs: number,
    private readonly sub: SubRunner,
  ) {}
  get card() {
    return this.info.card;
  }
  get tail() {
    return this.info.tail;
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
    return (this.fieldList ??= this.info.inputs.map((field) => ({
      field,
      value: inputValue(field, this.info, this.mine),
    })));
  }
  get signal(): AbortSignal {
    return (this.controller ??= new AbortController()).signal;
  }
  abort(): void {
    this.controller?.abort();
  }
  connection(): Record<string, unknown> | undefined {
    return connectionFor(this.state, this.info);
  }
  http(req: HttpRequest): Promise<HttpResponse> {
    return sendHttp(this.state, this.frame, this.info, req, this.timeoutMs, this.attempt, this.signal);
  }
  runFlow(ref: FlowRef, inputs: Record<string, unknown>, label?: string): Promise<SubflowResult> {
    return this.sub(this.state, this.frame, this.info, ref, inputs, label);
  }
  now(): Date {
    return this.state.now();
  }
}

export function connectionFor(state: RunState, info: CardInfo): Record<string, unknown> | undefined {
  const id = info.card.node?.model?.config;
  if (!id) return undefined;
  const name = state.flopack?.data?.configs?.[id]?.name;
  return state.connections[id] ?? (name !== undefined ? state.connections[name] : undefined);
}

export async function sendHttp(
  state: RunState,
  frame: Frame,
  info: CardInfo,
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
        card: info.name,
        request: state.scrubber.http(req),
        ms: performance.now() - t0,
        attempt,
      };
      state.emit(response ? { ...ev, response: state.scrubber.http(response) } : ev);
    }
  }
}
