import { allOutputs, isPlainObject } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';

/** Keys (`object:keys`): the keys of `object` ([] for anything else). */
export const keysCard = kernelCard('object:keys', 'Object › Keys', {
  run: (ctx) => ({
    byId: allOutputs(ctx, isPlainObject(ctx.inputs['object']) ? Object.keys(ctx.inputs['object']) : []),
  }),
});
