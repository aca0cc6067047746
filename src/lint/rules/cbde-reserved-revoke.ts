import { REVOKE_FLOW_NAME } from '../../connector/contract.js';
import { quote } from '../json.js';
import { namePointer, notSystemShaped } from '../connector.js';
import type { LintRule } from '../types.js';

/** Connector Builder's own code (reference §2.8): "Name of the flow cannot be _revoke." The name is reserved for the Revoke flow. */
const CODE = 'CBDE000007H';

export const cbdeReservedRevokeRule: LintRule = {
  code: CODE,
  severity: 'error',
  description:
    'connector projects: only a Revoke flow (no options or inputs) may be named ' + REVOKE_FLOW_NAME,
  check(ctx) {
    if (!ctx.connector) return;
    for (const flow of ctx.flows) {
      if (flow.name !== REVOKE_FLOW_NAME) continue;
      const why = notSystemShaped(flow);
      if (!why) continue;
      ctx.report({
        message: `Name of the flow cannot be _revoke. The flow named ${quote(flow.name)} is not a Revoke flow: ${why}`,
        pointer: namePointer(flow),
        where: `flow ${quote(flow.name)}`,
        hint: `rename it, or make it a Revoke flow (no options or input fields)`,
      });
    }
  },
};
