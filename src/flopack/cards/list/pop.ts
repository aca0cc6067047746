import { kernelCard } from '../definition.js';
import { listOf } from './loop.js';

/** Pop (`list:pop`): the list without its last item, and that item. */
export const popCard = kernelCard('list:pop', 'List › Pop', {
  run: (ctx) => {
    const l = listOf(ctx.inputs['list']);
    return { outputs: { list: l.slice(0, -1), item: l.length ? l[l.length - 1] : null } };
  },
});
