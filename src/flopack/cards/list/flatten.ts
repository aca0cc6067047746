import { kernelCard } from '../definition.js';
import { listOf } from './loop.js';

/** Flatten (`list:flatten`): nested lists as one list. */
export const flattenCard = kernelCard('list:flatten', 'List › Flatten', {
  run: (ctx) => ({ outputs: { list: listOf(ctx.inputs['lists']).flat(Infinity) } }),
});
