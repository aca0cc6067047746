import { cardWhere, flowWhere, scopeWhere } from '../describe.js';
import { lintRule } from '../types.js';

/** Shapes the read model could not read (a card that is not an object, `methods` not a list); reference §1.3–1.4. */
export const structureRule = lintRule('OC-FLOPACK-STRUCTURE', 'error', {
  description: 'flows and cards have the shape of an export (flo.data object, methods list, card objects)',
  flow(reading, ctx) {
    for (const { message, pointer, scope, flow, owner } of reading.problems) {
      const where = scope ? scopeWhere(scope) : owner ? cardWhere(owner) : flow ? flowWhere(flow) : undefined;
      ctx.report({ message, pointer, ...(where ? { where } : {}) });
    }
  },
});
