import { deepFreeze } from '../../../util/deep-freeze.js';
import { allOutputs, isPlainObject } from '../../semantics/fields.js';
import { isEmpty } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** [I] Field shape: input `object` → `output`, like the other object function cards (no local sample). */
export const CLEAR_EMPTY_FIELDS = deepFreeze({
  input: { key: 'object', type: 'object', required: true, metadata: {} },
  // Real cards carry a `recursive` switch (issue 15 survey); we clear top-level keys only, so it stays false.
  recursive: { key: 'recursive', type: 'boolean', data: false },
  output: { key: 'output', type: 'object' },
} satisfies Record<string, FieldSpec>);

/** Clear Empty (`object:clearEmpty`, Appendix A): drops top-level keys whose value is empty (null, "", [], {}) [I]. */
export const clearEmptyCard = kernelCard('object:clearEmpty', 'Object › Clear Empty', {
  timeoutMs: 30_000,
  envelope: kernelEnvelope('Remove keys with empty values from an object.', SOURCES.catalogue),
  fields: CLEAR_EMPTY_FIELDS,
  run: (ctx) => {
    const obj = ctx.inputs[CLEAR_EMPTY_FIELDS.input.key];
    const output = clear(obj, ctx.inputs[CLEAR_EMPTY_FIELDS.recursive.key] === true);
    return { byId: allOutputs(ctx, output) };
  },
});

/** The object without its empty keys; with `recursive`, nested objects are cleared first. */
function clear(obj: unknown, recursive: boolean): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  if (!isPlainObject(obj)) return output;
  for (const [k, v] of Object.entries(obj)) {
    const value = recursive && isPlainObject(v) ? clear(v, true) : v;
    if (!isEmpty(value)) output[k] = value;
  }
  return output;
}
