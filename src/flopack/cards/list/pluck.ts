import { getPath } from '../../semantics/paths.js';
import { toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { listOf } from './loop.js';

/** Pluck (`list:pluck`): the value at `key` (a path) of every item. */
export const pluckCard = kernelCard('list:pluck', 'List › Pluck', {
  run: (ctx) => {
    const key = toText(ctx.inputs['key']);
    return { outputs: { values: listOf(ctx.inputs['list']).map((x) => getPath(x, key) ?? null) } };
  },
});
