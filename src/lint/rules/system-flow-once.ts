import { flowRoles, type FlowRole } from '../connector.js';
import { flowPropertyPointer, flowWhere, quote } from '../describe.js';
import { lintRule, type LintRule } from '../types.js';

/**
 * Connector Builder's "Duplicate … flow found." checks (reference §2.8): a project has one flow of a system role.
 * CBDE000004H (Authping) and CBDE000006H (Revoke) are this rule; `found` is Okta's own sentence.
 */
export function systemFlowOnceRule(code: string, role: FlowRole, kind: string, found: string): LintRule {
  return lintRule(code, 'error', {
    description: `connector projects: at most one ${kind} flow`,
    check(ctx) {
      if (!ctx.connector) return;
      const roles = flowRoles(ctx.flows);
      const flows = ctx.flows.summaries.filter((f) => roles.get(f) === role);
      for (const flow of flows.slice(1)) {
        ctx.report({
          message: `${found} ${quote(flow.name)} is a second ${kind} flow (the first is ${flows[0]!.id})`,
          pointer: flowPropertyPointer(flow, 'name'),
          where: flowWhere(flow),
          hint: `keep one ${kind} flow and delete or rename the others`,
        });
      }
    },
  });
}
