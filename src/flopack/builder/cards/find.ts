import { FIND_FIELDS } from '../../cards/string/find.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/** Find (`string:find`): position of `lookFor` in `lookIn`, 0-based, -1 when absent (real card, PAM template). */
export function find(
  flow: FlowBuilder,
  path: string,
  lookIn: Value,
  lookFor: Value,
  name?: string,
): OutputRef {
  const card = flow.add('find', path, name);
  const a = card.addInput(FIND_FIELDS.lookIn);
  const b = card.addInput(FIND_FIELDS.lookFor);
  const out = card.addOutput(FIND_FIELDS.output);
  flow.set(a, lookIn);
  flow.set(b, lookFor);
  return out;
}
