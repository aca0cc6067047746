import type { RuleFinding, SpecRule } from './rule.js';

/** A connection parameter's pattern must be a valid regular expression. */
export const parameterPatterns: SpecRule = {
  name: 'parameter-patterns',
  codes: ['OC-SPEC-PATTERN'],
  description: 'Connection parameter patterns must compile as regular expressions.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    (spec.connectionParameters ?? []).forEach((p, i) => {
      if (p.pattern === undefined) return;
      try {
        new RegExp(p.pattern);
      } catch (error) {
        findings.push({
          code: 'OC-SPEC-PATTERN',
          severity: 'error',
          pointer: `/connectionParameters/${i}/pattern`,
          message: `the pattern of "${p.key}" is not a valid regular expression: ${(error as Error).message}`,
        });
      }
    });
    return findings;
  },
};
