import { CLEAR_EMPTY_FIELDS } from '../../cards/object/clear-empty.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import { unaryCard } from './unary.js';

/** Clear Empty (`object:clearEmpty`, Appendix A): drops keys whose value is empty. */
export function clearEmpty(flow: FlowBuilder, path: string, object: Value, name?: string): OutputRef {
  return unaryCard(flow, 'clearEmpty', CLEAR_EMPTY_FIELDS, path, object, name);
}
