import type { Card } from '../types.js';
import type { FlowError } from './context.js';

/** Thrown by card handlers for a card error (caught by If Error, retried by retry policies). */
export class CardFailure extends Error {
  override name = 'CardFailure';
  constructor(
    message: string,
    readonly details: { statusCode?: number; body?: unknown; timedOut?: boolean; kind?: 'return-error' } = {},
  ) {
    super(message);
  }
}

/** Limits and structural problems: If Error does not catch these [I]. */
const UNCATCHABLE = new Set<FlowError['kind']>([
  'step-limit',
  'depth-limit',
  'unsupported-card',
  'bad-flow',
  'invalid-input',
]);

/** A failure travelling up through nested flows, already attributed to a flow and card. */
export class SimFailure extends Error {
  override name = 'SimFailure';
  constructor(
    readonly error: FlowError,
    /** HTTP response body of the failing card, for the If Error `error.body` (reference §1.9). */
    readonly body?: unknown,
  ) {
    super(error.message);
  }
  get catchable(): boolean {
    return !UNCATCHABLE.has(this.error.kind);
  }
}

export function cardRef(card: Card): { name: string; uuid: string; address: string } {
  return { name: card.node?.data?.name ?? card.node?.key ?? '?', uuid: card.uuid, address: card.address };
}
