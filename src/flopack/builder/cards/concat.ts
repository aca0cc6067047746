import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/**
 * Concatenate (`string:concat`): inputs `string1`, `string2` ("text 1", "text 2") and further extensible
 * inputs `string3`… (custom), joined in order into `output` (utilGetAccessToken.flow, reference §1.7).
 */
export function concat(flow: FlowBuilder, path: string, parts: Value[], name?: string): OutputRef {
  const card = flow.add('concat', path, name);
  parts.forEach((part, i) => {
    const n = i + 1;
    const input = card.addInput({
      key: `string${n}`,
      type: 'string',
      required: n <= 2,
      metadata: n <= 2 ? { displayname: `text ${n}` } : { custom: true },
    });
    flow.set(input, part);
  });
  return card.addOutput({ key: 'output', type: 'string' });
}
