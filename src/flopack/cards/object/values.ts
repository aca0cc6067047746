import { allOutputs, isPlainObject } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';

/** Values (`object:values`): the values of `object` ([] for anything else). */
export const valuesCard = kernelCard({
  module: 'object',
  key: 'values',
  name: 'Values',
  menu: 'Object',
  run: (ctx) => ({
    byId: allOutputs(ctx, isPlainObject(ctx.inputs['object']) ? Object.values(ctx.inputs['object']) : []),
  }),
});
