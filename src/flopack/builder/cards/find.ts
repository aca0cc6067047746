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
  const a = card.addInput({
    key: 'string',
    type: 'string',
    required: true,
    metadata: { displayname: 'look in' },
  });
  const b = card.addInput({
    key: 'substr',
    type: 'string',
    required: true,
    metadata: { displayname: 'look for' },
  });
  const out = card.addOutput({
    key: 'output',
    type: 'number',
    data: -1,
    metadata: { displayname: 'position' },
  });
  flow.set(a, lookIn);
  flow.set(b, lookFor);
  return out;
}
