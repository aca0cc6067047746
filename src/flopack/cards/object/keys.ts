import { deepFreeze } from '../../../util/deep-freeze.js';
import { allOutputs, isPlainObject } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** Field keys as Okta's function reference names them (Object › Keys: `object` → `output`, a list of text). */
export const KEYS_FIELDS = deepFreeze({
  object: { key: 'object', type: 'object', required: true },
  output: { key: 'output', type: 'string', collection: true, data: [] },
} satisfies Record<string, FieldSpec>);

/** Keys (`object:keys`): the keys of `object` ([] for anything else). */
export const keysCard = kernelCard('object:keys', 'Object › Keys', {
  envelope: kernelEnvelope('Generate a list of the keys within an object.', SOURCES.catalogue),
  fields: KEYS_FIELDS,
  run: (ctx) => ({
    byId: allOutputs(ctx, isPlainObject(ctx.inputs['object']) ? Object.keys(ctx.inputs['object']) : []),
  }),
});
