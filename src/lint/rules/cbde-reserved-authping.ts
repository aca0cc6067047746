import { AUTHPING_FLOW_NAME } from '../../connector/contract.js';
import { quote } from '../json.js';
import { namePointer, notSystemShaped } from '../connector.js';
import type { LintRule } from '../types.js';

/** Connector Builder's own code (reference §2.8): "Name of the flow cannot be _authping." The name is reserved for the Authping flow. */
const CODE = 'CBDE000005H';

export const cbdeReservedAuthpingRule: LintRule = {
  code: CODE,
  severity: 'error',
  description:
    'connector projects: only a Authping flow (no options or inputs) may be named ' + AUTHPING_FLOW_NAME,
  check(ctx) {
    if (!ctx.connector) return;
    for (const flow of ctx.flows) {
      if (flow.name !== AUTHPING_FLOW_NAME) continue;
      const why = notSystemShaped(flow);
      if (!why) continue;
      ctx.report({
        message: `Name of the flow cannot be _authping. The flow named ${quote(flow.name)} is not a Authping flow: ${why}`,
        pointer: namePointer(flow),
        where: `flow ${quote(flow.name)}`,
        hint: `rename it, or make it a Authping flow (no options or input fields)`,
      });
    }
  },
};
