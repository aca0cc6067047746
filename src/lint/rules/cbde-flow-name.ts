import { isValidFlowName, suggestFlowName } from '../../connector/flow-names.js';
import { flowPropertyPointer, flowWhere, quote } from '../describe.js';
import { flowRoles } from '../connector.js';
import { lintRule } from '../types.js';

/** Connector Builder's own code (reference §2.8): "Name of the flow contains a prohibited character." */
export const cbdeFlowNameRule = lintRule('CBDE000003H', 'error', {
  description:
    'connector projects: action flow names use letters, numbers and spaces only, no leading/trailing spaces',
  check(ctx) {
    if (!ctx.connector) return;
    const roles = flowRoles(ctx.flows);
    for (const flow of ctx.flows.summaries) {
      if (roles.get(flow) !== 'action' || isValidFlowName(flow.name)) continue;
      const suggestion = suggestFlowName(flow.name);
      ctx.report({
        message: `Name of the flow contains a prohibited character: ${quote(flow.name)} (letters, numbers and spaces only, no leading or trailing spaces)`,
        pointer: flowPropertyPointer(flow, 'name'),
        where: flowWhere(flow),
        hint: suggestion ? `rename it to ${quote(suggestion)}` : undefined,
      });
    }
  },
});
