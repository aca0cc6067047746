import { kernelCard } from '../definition.js';
import { loop } from './loop.js';

/** For Each (`list:each`): runs the child flow once per item; a failed item fails the card. */
export const forEachCard = kernelCard('list:each', 'List › For Each', {
  timeoutMs: 300_000,
  run: async (ctx) => {
    await loop(ctx, false, false);
    return {};
  },
});
