import { flowPropertyPointer, flowWhere, quote } from '../describe.js';
import { flowRoles } from '../connector.js';
import type { LintRule } from '../types.js';

/** Connector Builder's own code (reference §2.8): "Duplicate Authping flow found." A project has one Authping flow. */
const CODE = 'CBDE000004H';

export const cbdeDuplicateAuthpingRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: 'connector projects: at most one Authping flow',
  check(ctx) {
    if (!ctx.connector) return;
    const roles = flowRoles(ctx);
    const flows = ctx.flows.filter((f) => roles.get(f) === 'authping');
    for (const flow of flows.slice(1)) {
      ctx.report({
        message: `Duplicate Authping flow found. ${quote(flow.name)} is a second Authping flow (the first is ${flows[0]!.id})`,
        pointer: flowPropertyPointer(flow, 'name'),
        where: flowWhere(flow),
        hint: 'keep one Authping flow and delete or rename the others',
      });
    }
  },
};
