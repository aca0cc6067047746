import { kernelCard } from '../definition.js';
import { listOf } from './loop.js';

/** Length (`list:length`): the number of items. */
export const listLengthCard = kernelCard({
  module: 'list',
  key: 'length',
  name: 'Length',
  menu: 'List',
  run: (ctx) => ({ outputs: { length: listOf(ctx.inputs['list']).length } }),
});
