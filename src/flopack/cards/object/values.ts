import { allOutputs, isPlainObject } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';

/** Values (`object:values`): the values of `object` ([] for anything else). */
export const valuesCard = kernelCard('object:values', 'Object › Values', {
  run: (ctx) => ({
    byId: allOutputs(ctx, isPlainObject(ctx.inputs['object']) ? Object.values(ctx.inputs['object']) : []),
  }),
});
