import { dataFields } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';
import { ANY, SOURCES, kernelEnvelope } from '../envelope.js';

/** Return (`control:return`): the flow's outputs are the Return card's inputs, by key (reference §1.7). */
export const returnCard = kernelCard('control:return', 'Flow Control › Return', {
  envelope: kernelEnvelope('End the Flow and return values to the caller of the Flow.', SOURCES.remove, {
    mirrored: true,
    inputs: { extensible: true, rules: ANY },
    outputs: { extensible: true, rules: ANY },
  }),
  run: (ctx) => {
    const outputs: Record<string, unknown> = {};
    for (const { field, value } of dataFields(ctx)) outputs[field.key] = value;
    return { end: { kind: 'return', outputs } };
  },
});
