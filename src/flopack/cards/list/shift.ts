import { kernelCard } from '../definition.js';
import { listOf } from './loop.js';

/** Shift (`list:shift`): the list without its first item, and that item. */
export const shiftCard = kernelCard('list:shift', 'List › Shift', {
  run: (ctx) => {
    const l = listOf(ctx.inputs['list']);
    return { outputs: { list: l.slice(1), item: l.length ? l[0] : null } };
  },
});
