import { flowPropertyPointer, flowWhere, quote } from '../describe.js';
import { lintRule, type LintRule } from '../types.js';

/**
 * Connector Builder's "Name of the flow cannot be <name>" checks (reference §2.8): a reserved system-flow name on a
 * flow that is not shaped like that system flow. CBDE000005H (_authping) and CBDE000007H (_revoke) are this rule.
 */
export function reservedNameRule(code: string, name: string, kind: string): LintRule {
  return lintRule(code, 'error', {
    description: `connector projects: only a ${kind} flow (no options or inputs) may be named ${name}`,
    check(ctx) {
      if (!ctx.connector) return;
      for (const flow of ctx.flows.summaries) {
        if (flow.name !== name) continue;
        const why = flow.notSystem;
        if (!why) continue;
        ctx.report({
          message: `Name of the flow cannot be ${name}. The flow named ${quote(flow.name)} is not a ${kind} flow: ${why}`,
          pointer: flowPropertyPointer(flow, 'name'),
          where: flowWhere(flow),
          hint: `rename it, or make it a ${kind} flow (no options or input fields)`,
        });
      }
    },
  });
}
