import { flowPropertyPointer, flowWhere, quote } from '../describe.js';
import { flowRoles } from '../connector.js';
import type { LintRule } from '../types.js';

/** Connector Builder's own code (reference §2.8): "Duplicate revoke flow found." A project has one Revoke flow. */
const CODE = 'CBDE000006H';

export const cbdeDuplicateRevokeRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: 'connector projects: at most one Revoke flow',
  check(ctx) {
    if (!ctx.connector) return;
    const roles = flowRoles(ctx);
    const flows = ctx.flows.filter((f) => roles.get(f) === 'revoke');
    for (const flow of flows.slice(1)) {
      ctx.report({
        message: `Duplicate revoke flow found. ${quote(flow.name)} is a second Revoke flow (the first is ${flows[0]!.id})`,
        pointer: flowPropertyPointer(flow, 'name'),
        where: flowWhere(flow),
        hint: 'keep one Revoke flow and delete or rename the others',
      });
    }
  },
};
