import { authMethods } from '../auth-types.js';
import { AUTHPING_FLOW_NAME, REVOKE_FLOW_NAME } from '../../connector/contract.js';
import type { RuleFinding, SpecRule } from './rule.js';

/**
 * CBDE000004H "Duplicate Authping flow found", CBDE000005H "Name of the flow cannot be _authping",
 * CBDE000006H "Duplicate revoke flow found", CBDE000007H "Name of the flow cannot be _revoke" (reference §2.8).
 * The spec's `authping` block (and an OAuth revokeUrl) generate those flows; an action may not take their names.
 */
export const reservedFlowNames: SpecRule = {
  name: 'reserved-flow-names',
  codes: ['CBDE000004H', 'CBDE000005H', 'CBDE000006H', 'CBDE000007H'],
  description: 'Actions may not be named _authping or _revoke; those flows are generated from the spec.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    const revokeGenerated = authMethods(spec).some(
      (a) => (a.type === 'oauth2' && Boolean(a.revokeUrl)) || (a.type === 'custom' && Boolean(a.revoke)),
    );
    spec.actions.forEach((action, i) => {
      const name = action.name.trim().toLowerCase();
      const pointer = `/actions/${i}/name`;
      if (name === AUTHPING_FLOW_NAME) {
        findings.push({
          code: 'CBDE000005H',
          severity: 'error',
          pointer,
          message: `an action cannot be named "${AUTHPING_FLOW_NAME}"; the name is reserved for the Authping flow`,
          hint: 'describe the health check under `authping:` instead',
        });
        findings.push({
          code: 'CBDE000004H',
          severity: 'error',
          pointer,
          message: `this would be a second Authping flow: one is already generated from \`authping:\``,
        });
      }
      if (name === REVOKE_FLOW_NAME) {
        findings.push({
          code: 'CBDE000007H',
          severity: 'error',
          pointer,
          message: `an action cannot be named "${REVOKE_FLOW_NAME}"; the name is reserved for the revoke flow`,
          hint: 'set authentication.revokeUrl (OAuth 2.0) to generate the revoke flow',
        });
        if (revokeGenerated) {
          findings.push({
            code: 'CBDE000006H',
            severity: 'error',
            pointer,
            message:
              'this would be a second revoke flow: one is already generated from authentication.revokeUrl',
          });
        }
      }
    });
    return findings;
  },
};
