import { flowPropertyPointer, flowWhere, quote } from '../describe.js';

import { lintRule } from '../types.js';

/** Connector Builder's own code (reference §2.8): "Names of two or more active flows are duplicates." */
export const cbdeDuplicateNamesRule = lintRule('CBDE000001H', 'error', {
  description: 'connector projects: no two flows share a name',
  check(ctx) {
    if (!ctx.connector) return;
    const first = new Map<string, string>();
    for (const flow of ctx.flows.summaries) {
      const earlier = first.get(flow.name);
      if (earlier === undefined) {
        first.set(flow.name, flow.id);
        continue;
      }
      ctx.report({
        message: `Names of two or more active flows are duplicates: ${quote(flow.name)} is also the name of flow ${earlier}`,
        pointer: flowPropertyPointer(flow, 'name'),
        where: flowWhere(flow),
        hint: 'each flow of a connector needs a unique name',
      });
    }
  },
});
