import { deepFreeze } from '../../../util/deep-freeze.js';
import { allOutputs, isPlainObject } from '../../semantics/fields.js';
import { isEmpty } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** [I] Field shape: input `object` → `output`, like the other object function cards (no local sample). */
export const CLEAR_EMPTY_FIELDS = deepFreeze({
  input: { key: 'object', type: 'object', required: true, metadata: {} },
  output: { key: 'output', type: 'object' },
} satisfies Record<string, FieldSpec>);

/** Clear Empty (`object:clearEmpty`, Appendix A): drops top-level keys whose value is empty (null, "", [], {}) [I]. */
export const clearEmptyCard = kernelCard('object:clearEmpty', 'Object › Clear Empty', {
  envelope: kernelEnvelope('Remove keys with empty values from an object.', SOURCES.catalogue),
  fields: CLEAR_EMPTY_FIELDS,
  run: (ctx) => {
    const obj = ctx.inputs[CLEAR_EMPTY_FIELDS.input.key];
    const output: Record<string, unknown> = {};
    if (isPlainObject(obj)) for (const [k, v] of Object.entries(obj)) if (!isEmpty(v)) output[k] = v;
    return { byId: allOutputs(ctx, output) };
  },
});
