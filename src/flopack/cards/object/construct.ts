import { deepFreeze } from '../../../util/deep-freeze.js';
import { dataFields } from '../../semantics/fields.js';
import { setPath } from '../../semantics/paths.js';
import { kernelCard } from '../definition.js';
import { ANY, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** One custom input per key (added by the builder) → `output`. */
export const CONSTRUCT_FIELDS = deepFreeze({
  output: { key: 'output', type: 'object', data: {} },
} satisfies Record<string, FieldSpec>);

/**
 * Object Construct (`object:construct`): one key per input; dotted keys build nested objects and numeric segments
 * lists (`commands.0.type`).
 */
export const constructCard = kernelCard('object:construct', 'Object › Construct', {
  envelope: kernelEnvelope('Create an object from multiple inputs.', SOURCES.capia, {
    inputs: { extensible: true, rules: ANY },
  }),
  fields: CONSTRUCT_FIELDS,
  run: (ctx) => {
    const output: Record<string, unknown> = {};
    for (const { field, value } of dataFields(ctx)) {
      if (field.key.includes('.')) setPath(output, field.key, value);
      else output[field.key] = value;
    }
    return { outputs: { [CONSTRUCT_FIELDS.output.key]: output } };
  },
});
