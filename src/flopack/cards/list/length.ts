import { kernelCard } from '../definition.js';
import { listOf } from './loop.js';

/** Length (`list:length`): the number of items. */
export const listLengthCard = kernelCard('list:length', 'List › Length', {
  run: (ctx) => ({ outputs: { length: listOf(ctx.inputs['list']).length } }),
});
