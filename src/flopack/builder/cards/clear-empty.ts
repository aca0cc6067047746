import { CLEAR_EMPTY_FIELDS } from '../../cards/object/clear-empty.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/** Clear Empty (`object:clearEmpty`, Appendix A): drops keys whose value is empty (top level: `recursive` false). */
export function clearEmpty(flow: FlowBuilder, path: string, object: Value, name?: string): OutputRef {
  const card = flow.add('clearEmpty', path, name);
  const input = card.addInput(CLEAR_EMPTY_FIELDS.input);
  card.addInput(CLEAR_EMPTY_FIELDS.recursive);
  const out = card.addOutput(CLEAR_EMPTY_FIELDS.output);
  flow.set(input, object);
  return out;
}
