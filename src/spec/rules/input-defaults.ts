import type { FieldType, Input } from '../types.js';
import type { RuleFinding, SpecRule } from './rule.js';

function matchesType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'datetime':
      return (typeof value === 'string' && !Number.isNaN(Date.parse(value))) || value instanceof Date;
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

function defaultProblem(input: Input): string | undefined {
  const value = input.default;
  if (input.list) {
    if (!Array.isArray(value)) return `a list of ${input.type}`;
    return value.every((v) => matchesType(v, input.type)) ? undefined : `a list of ${input.type}`;
  }
  return matchesType(value, input.type)
    ? undefined
    : input.type === 'datetime'
      ? 'an ISO 8601 date and time'
      : `a ${input.type} value`;
}

/** Defaults must fit the input's type; a default on a required input is never used. */
export const inputDefaults: SpecRule = {
  name: 'input-defaults',
  codes: ['OC-SPEC-DEFAULT-TYPE', 'OC-SPEC-DEFAULT-UNUSED'],
  description: 'An input default must match its type; required inputs with a default are contradictory.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    spec.actions.forEach((action, a) => {
      (action.inputs ?? []).forEach((input, i) => {
        if (input.default === undefined) return;
        const pointer = `/actions/${a}/inputs/${i}/default`;
        const expected = defaultProblem(input);
        if (expected) {
          findings.push({
            code: 'OC-SPEC-DEFAULT-TYPE',
            severity: 'error',
            pointer,
            message: `the default of input "${input.key}" must be ${expected}; found ${JSON.stringify(input.default)}`,
          });
        }
        if (input.required) {
          findings.push({
            code: 'OC-SPEC-DEFAULT-UNUSED',
            severity: 'warning',
            pointer,
            message: `input "${input.key}" is required, so its default is never used (Okta requires the user to fill it in)`,
            hint: 'drop `required: true` or the default',
          });
        }
      });
    });
    return findings;
  },
};
