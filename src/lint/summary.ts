import { AUTHPING_FLOW_NAME, REVOKE_FLOW_NAME } from '../connector/contract.js';
import type { FlowReading } from '../flopack/read/index.js';
import { isCallable, notSystemShaped } from './connector.js';

/**
 * What lint keeps of a top-level flow once it has been checked: the facts the rules that compare flows need (names,
 * ids, roles, Helper Flow starts). Plain and small: the flow-by-flow lint keeps one per flow, never the flo.
 */
export interface FlowSummary {
  /** Its key in `data.flos`. */
  id: string;
  /** `flo.name`, else its id. */
  name: string;
  /** Whether `flo.data` is an object (a flow without it has no cards). */
  hasData: boolean;
  /**
   * When its own scope has a Helper Flow (`control:callable`) card: the keys of the first one's inputs outside the
   * `context` group, each once, in stored order (what a Call Flow may pass). Undefined when it has none.
   */
  callableInputs: readonly string[] | undefined;
  /** For a flow named `_authping` or `_revoke`: why it is not shaped like that system flow (connector.ts). */
  notSystem: string | undefined;
}

/** Every flow read so far, and the few facts across them that rules look up (flow-by-flow lint keeps only this). */
export class FlowIndex {
  /** One per object flo, in `data.flos` order. */
  readonly summaries: FlowSummary[] = [];
  /** Flow ids some card calls (Call Flow, For Each...): those are helper flows. */
  readonly called = new Set<string>();
  /** The uuid of every card of every scope ('?' for a card without one): where a stray pin's target may be. */
  readonly cardUuids = new Set<string>();
  private readonly byId = new Map<string, FlowSummary>();

  /** Adds what a flow contributes; returns its summary, or undefined when the flo is not an object. */
  add(reading: FlowReading): FlowSummary | undefined {
    for (const scope of reading.scopes) {
      for (const uuid of scope.byUuid.keys()) this.cardUuids.add(uuid);
      for (const card of scope.cards) {
        for (const { field } of card.floInputs) {
          const value = field.value as { data?: unknown };
          if (typeof value.data === 'string') this.called.add(value.data);
        }
      }
    }
    const flow = reading.flow;
    if (!flow) return undefined;
    const start = flow.scope?.cards.find(isCallable);
    const summary: FlowSummary = {
      id: flow.id,
      name: flow.name,
      hasData: flow.scope !== undefined,
      callableInputs: start && [
        ...new Set([...start.inputs.values()].filter((io) => io.group !== 'context').map((io) => io.key)),
      ],
      notSystem:
        flow.name === AUTHPING_FLOW_NAME || flow.name === REVOKE_FLOW_NAME
          ? notSystemShaped(flow)
          : undefined,
    };
    this.summaries.push(summary);
    this.byId.set(summary.id, summary);
    return summary;
  }

  /**
   * Adds what another run learned from the file's later flows (LintPart): their summaries in `data.flos` order, the
   * flows they call and their cards' uuids.
   */
  absorb(summaries: readonly FlowSummary[], called: Iterable<string>, cardUuids: Iterable<string>): void {
    for (const summary of summaries) {
      this.summaries.push(summary);
      this.byId.set(summary.id, summary);
    }
    for (const id of called) this.called.add(id);
    for (const uuid of cardUuids) this.cardUuids.add(uuid);
  }

  /** A flow of the file by its id. */
  get(id: string): FlowSummary | undefined {
    return this.byId.get(id);
  }
}
