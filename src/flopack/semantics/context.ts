import type { Card, Flopack, IoField } from '../types.js';
import type { LooseFlags } from './values.js';

/**
 * What a card's semantics (src/flopack/cards) may see and do while the simulator runs it: the contract between
 * the catalogue and the interpreter (src/simulate), which implements it.
 */

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The URL actually requested, when the transport sent the request elsewhere (`--base-url`, a mock). */
  url?: string;
}

/** What a nested flow run (Call Flow, For Each, If Error branches) gives back to the card that started it. */
export interface SubflowResult {
  outputs: Record<string, unknown>;
  raw?: { statusCode: number; headers: Record<string, unknown>; body: unknown };
  /** The flow stopped at a Continue If (no Return ran). */
  stopped?: boolean;
}

/** An inline flo (If Error / If-ElseIf / For Each bodies) or a flow id. */
export type FlowRef = string | { uuid: string; methods: Card[]; orderings: Record<string, [string, string]> };

export interface CardContext {
  readonly card: Card;
  /** `<module|channel>:<key>`, e.g. `control:if`, `httpfunctions:raw`. */
  readonly tail: string;
  /** Name of the flow the card is in (inline flows: `Outer › If Error › try`). */
  readonly flow: string;
  readonly flowId: string;
  /** The running flow's execution id (what its start card shows as `execution_id`). */
  readonly executionId: string;
  /** Input values by input key (on duplicate keys, the later field in index order wins). */
  readonly inputs: Record<string, unknown>;
  /** Every input with its field definition (group, metadata), in metadata.index order. */
  readonly fields: ReadonlyArray<{ field: IoField; value: unknown }>;
  readonly flags: LooseFlags;
  readonly flopack: Flopack;
  readonly depth: number;
  readonly timeoutMs: number;
  /** Aborted when the card's timeout elapses. */
  readonly signal: AbortSignal;
  /** The connection for model.config (options.connections by config id, then by config name). */
  connection(): Record<string, unknown> | undefined;
  /** Sends a request through the injected transport (traced with secrets redacted, card timeout applied). */
  http(req: HttpRequest): Promise<HttpResponse>;
  /** Runs another flow (by flo id/name) or an inline flo; inputs go to its start card by key. */
  runFlow(ref: FlowRef, inputs: Record<string, unknown>, label?: string): Promise<SubflowResult>;
  now(): Date;
}

/** What a card handler returns. Outputs are matched to output fields by key; `byId` wins for duplicated keys. */
export interface CardResult {
  outputs?: Record<string, unknown>;
  byId?: Record<string, unknown>;
  /** If/Else: which branch head runs. */
  branch?: boolean;
  /** The Cursor card: the value the next run of a polling monitor gets (FlowResult.cursor). */
  cursor?: { value: unknown };
  /** HTTP cards: the response's status, which the card's retry policy may retry (plan.ts retryStatuses). */
  httpStatus?: number;
  /** Ends the flow: Return (outputs), Return Raw (raw) or a Continue If that did not continue. */
  end?:
    | { kind: 'return'; outputs: Record<string, unknown> }
    | { kind: 'raw'; raw: NonNullable<SubflowResult['raw']> }
    | { kind: 'stop' };
}

export type CardHandler = (ctx: CardContext) => CardResult | Promise<CardResult>;

export interface FlowError {
  message: string;
  statusCode?: number;
  kind:
    | 'return-error'
    | 'card-failed'
    | 'unsupported-card'
    | 'timeout'
    | 'step-limit'
    | 'depth-limit'
    | 'bad-flow'
    /** A value Okta would refuse before the card runs: a required option missing, a wrong type (start-checks). */
    | 'invalid-input';
  flow: string;
  card?: { name: string; uuid: string; address: string };
}
