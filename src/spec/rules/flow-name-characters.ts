import { isValidFlowName, suggestFlowName } from '../../connector/flow-names.js';
import type { RuleFinding, SpecRule } from './rule.js';

/** CBDE000003H: "A name of a flow can contain letters, numbers, and spaces only. Leading or trailing spaces … are prohibited." */
export const flowNameCharacters: SpecRule = {
  name: 'flow-name-characters',
  codes: ['CBDE000003H'],
  description:
    'Action names may contain letters, numbers and spaces only, with no leading or trailing spaces.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    spec.actions.forEach((action, i) => {
      const name = action.name;
      if (name === '_authping' || name === '_revoke') return; // reported by reserved-flow-names
      if (isValidFlowName(name)) return;
      const bad = [...new Set([...name].filter((ch) => !/[A-Za-z0-9 ]/.test(ch)))];
      const edges = name !== name.trim();
      const problems = [
        bad.length
          ? `the character${bad.length > 1 ? 's' : ''} ${bad.map((c) => JSON.stringify(c)).join(' ')}`
          : '',
        edges ? 'leading or trailing spaces' : '',
      ].filter(Boolean);
      if (problems.length === 0) problems.push('no letters or numbers');
      const suggestion = suggestFlowName(name);
      findings.push({
        code: 'CBDE000003H',
        severity: 'error',
        pointer: `/actions/${i}/name`,
        message: `action name "${name}" contains ${problems.join(' and ')}; Okta allows letters, numbers and spaces only`,
        hint: suggestion ? `did you mean "${suggestion}"?` : undefined,
      });
    });
    return findings;
  },
};
