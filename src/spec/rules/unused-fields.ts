import type { RuleFinding, SpecRule } from './rule.js';
import { templatedStringsOf } from './templated.js';

/** Inputs and options that no request uses: the user fills them in and nothing happens. */
export const unusedFields: SpecRule = {
  name: 'unused-fields',
  codes: ['OC-SPEC-UNUSED-INPUT', 'OC-SPEC-UNUSED-OPTION', 'OC-SPEC-UNUSED-PARAMETER'],
  description: 'Every input, option and connection parameter should be used by some request.',
  check(ctx) {
    const { spec } = ctx;
    const used = new Map<number, Set<string>>();
    const usedConnection = new Set<string>();
    for (const { string: s, parsed } of templatedStringsOf(ctx)) {
      for (const ref of parsed.parts) {
        if (ref.kind !== 'ref') continue;
        if (ref.source === 'connection') usedConnection.add(ref.key);
        else if (s.actionIndex !== undefined) {
          const set = used.get(s.actionIndex) ?? new Set<string>();
          set.add(`${ref.source}.${ref.key}`);
          used.set(s.actionIndex, set);
        }
      }
    }
    const findings: RuleFinding[] = [];
    spec.actions.forEach((action, a) => {
      const set = used.get(a) ?? new Set<string>();
      (action.inputs ?? []).forEach((input, i) => {
        if (set.has(`inputs.${input.key}`)) return;
        findings.push({
          code: 'OC-SPEC-UNUSED-INPUT',
          severity: 'warning',
          pointer: `/actions/${a}/inputs/${i}`,
          message: `input "${input.key}" of action "${action.name}" is never used in its request`,
          hint: `reference it as \${inputs.${input.key}} in the path, query, headers or body, or remove it`,
        });
      });
      (action.options ?? []).forEach((option, i) => {
        if (set.has(`options.${option.key}`)) return;
        findings.push({
          code: 'OC-SPEC-UNUSED-OPTION',
          severity: 'warning',
          pointer: `/actions/${a}/options/${i}`,
          message: `option "${option.key}" of action "${action.name}" is never used in its request`,
          hint: `reference it as \${options.${option.key}}, or remove it`,
        });
      });
    });
    (spec.connectionParameters ?? []).forEach((param, i) => {
      if (usedConnection.has(param.key)) return;
      findings.push({
        code: 'OC-SPEC-UNUSED-PARAMETER',
        severity: 'warning',
        pointer: `/connectionParameters/${i}`,
        message: `connection parameter "${param.key}" is never used by the base URL, headers or any request`,
        hint: `reference it as \${connection.${param.key}}`,
      });
    });
    return findings;
  },
};
