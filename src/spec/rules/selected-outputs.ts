import { requestRefs } from '../placeholders.js';
import type { RuleFinding, SpecRule } from './rule.js';

/**
 * Selected Outputs (src/connector/dynamic-groups.ts) lists the card's outputs the user kept: a card without outputs
 * has nothing to select, and a selection the request never sends does nothing (Okta: "you can ignore the list").
 */
export const selectedOutputs: SpecRule = {
  name: 'selected-outputs',
  codes: ['OC-SPEC-SELECTED-OUTPUTS'],
  description: 'Selected Outputs needs outputs to select, and the request should send them.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    spec.actions.forEach((action, a) => {
      const selected = action.selectedOutputs;
      if (!selected) return;
      const at = `/actions/${a}/selectedOutputs`;
      if (selected.group === 'dynamicOutputs') {
        if (!action.dynamicOutputs)
          findings.push({
            code: 'OC-SPEC-SELECTED-OUTPUTS',
            severity: 'error',
            pointer: `${at}/group`,
            message: `action "${action.name}" has no dynamicOutputs, so there is no dynamic output group to select from`,
            hint: 'add dynamicOutputs or select from the static outputs (group: outputs)',
          });
      } else if (!(action.outputs ?? []).length)
        findings.push({
          code: 'OC-SPEC-SELECTED-OUTPUTS',
          severity: 'error',
          pointer: at,
          message: `action "${action.name}" has no outputs, so its Selected Outputs would always be empty`,
          hint: 'add outputs or remove selectedOutputs',
        });
      const used = requestRefs(action.request).some((r) => r.source === 'inputs' && r.key === selected.key);
      if (!used)
        findings.push({
          code: 'OC-SPEC-SELECTED-OUTPUTS',
          severity: 'warning',
          pointer: `${at}/key`,
          message: `the request of "${action.name}" never sends \${inputs.${selected.key}}, the selected outputs`,
          hint: `send it where the service takes a field list, e.g. query: { fields: \${inputs.${selected.key}} }`,
        });
    });
    return findings;
  },
};
