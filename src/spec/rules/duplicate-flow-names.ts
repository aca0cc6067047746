import { CUSTOM_API_ACTION_NAME, HTTP_HELPER_FLOW_NAME } from '../../connector/contract.js';
import type { RuleFinding, SpecRule } from './rule.js';

/** CBDE000001H: "Names of two or more active flows are duplicates." (reference §2.8) */
export const duplicateFlowNames: SpecRule = {
  name: 'duplicate-flow-names',
  codes: ['CBDE000001H'],
  description: 'Each flow (action, helper, Custom API Action) must have a unique name.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    const taken = new Map<string, string>([
      [HTTP_HELPER_FLOW_NAME.toLowerCase(), 'the generated httpHelper flow'],
    ]);
    if (spec.customApiAction !== false) {
      taken.set(CUSTOM_API_ACTION_NAME.toLowerCase(), 'the generated Custom API Action flow');
    }
    spec.actions.forEach((action, i) => {
      const key = action.name.trim().toLowerCase();
      const clash = taken.get(key);
      if (clash) {
        findings.push({
          code: 'CBDE000001H',
          severity: 'error',
          pointer: `/actions/${i}/name`,
          message: `action name "${action.name}" duplicates ${clash}; Connector Builder refuses to deploy two flows with one name`,
          hint:
            key === CUSTOM_API_ACTION_NAME.toLowerCase()
              ? 'the Custom API Action is generated for you; remove this action or set customApiAction: false'
              : 'give each action a distinct name',
        });
      } else taken.set(key, `action ${i + 1} ("${action.name}")`);
    });
    return findings;
  },
};
