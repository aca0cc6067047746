import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import { unaryCard } from './unary.js';

/**
 * Clear Empty (`object:clearEmpty`, Appendix A): drops keys whose value is empty. [I] field shape: input
 * `object` → `output`, like the other object function cards (no local sample of this card).
 */
export function clearEmpty(flow: FlowBuilder, path: string, object: Value, name?: string): OutputRef {
  return unaryCard(flow, 'clearEmpty', path, { key: 'object', type: 'object' }, object, 'object', name);
}
