import { allOutputs } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';
import { loop } from './loop.js';

/** Map (`list:map`): a new list of the child's Return value per item (its single key, or the whole outputs) [I]. */
export const mapCard = kernelCard('list:map', 'List › Map', {
  timeoutMs: 300_000,
  run: async (ctx) => ({ byId: allOutputs(ctx, await loop(ctx, false, true)) }),
});
