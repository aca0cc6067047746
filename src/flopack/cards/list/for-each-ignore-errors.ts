import { kernelCard } from '../definition.js';
import { loop } from './loop.js';

/** For Each - Ignore Errors (`list:asyncEach`): skips the items whose child flow failed (reference Appendix A). */
export const forEachIgnoreErrorsCard = kernelCard('list:asyncEach', 'List › For Each - Ignore Errors', {
  timeoutMs: 300_000,
  run: async (ctx) => {
    await loop(ctx, true, false);
    return {};
  },
});
