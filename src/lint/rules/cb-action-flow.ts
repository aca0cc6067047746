import { flowRoles } from '../connector.js';
import { lintRule } from '../types.js';

/** Reference §2.8: "Validate connector … confirms that the connector contains … at least one action flow". */
export const cbActionFlowRule = lintRule('OC-CB-NO-ACTION-FLOW', 'error', {
  description: 'connector projects: at least one action flow (a deploy check of Connector Builder)',
  check(ctx) {
    if (!ctx.connector) return;
    const roles = flowRoles(ctx.flows);
    if ([...roles.values()].includes('action')) return;
    ctx.report({
      message: 'the connector has no action flow; Connector Builder requires at least one to deploy',
      pointer: '/data/flos',
      hint: 'add an action flow (for example "Custom API Action") that is not called by another flow',
    });
  },
});
