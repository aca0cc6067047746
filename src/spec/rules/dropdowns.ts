import type { DropdownValue } from '../types.js';
import type { RuleFinding, SpecRule } from './rule.js';

function checkField(
  field: { key: string; type: string; values?: DropdownValue[]; default?: unknown; dynamic?: unknown },
  pointer: string,
  what: string,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const values = field.values ?? [];
  // A dynamic dropdown's values come from the service (dynamic-dropdowns.ts checks it).
  if (field.dynamic) return findings;
  if (field.type === 'dropdown' && values.length === 0) {
    findings.push({
      code: 'OC-SPEC-DROPDOWN',
      severity: 'error',
      pointer,
      message: `${what} "${field.key}" is a dropdown with no values; expected at least one { label, value }`,
    });
  }
  if (field.type !== 'dropdown' && values.length > 0) {
    findings.push({
      code: 'OC-SPEC-DROPDOWN',
      severity: 'warning',
      pointer: `${pointer}/values`,
      message: `${what} "${field.key}" has values but is of type "${field.type}", so they are ignored`,
      hint: 'use type: dropdown',
    });
  }
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v.value)) {
      findings.push({
        code: 'OC-SPEC-DROPDOWN',
        severity: 'error',
        pointer: `${pointer}/values/${i}/value`,
        message: `${what} "${field.key}" lists the value "${v.value}" twice`,
      });
    }
    seen.add(v.value);
  });
  if (
    field.type === 'dropdown' &&
    typeof field.default === 'string' &&
    values.length &&
    !seen.has(field.default)
  ) {
    findings.push({
      code: 'OC-SPEC-DROPDOWN',
      severity: 'error',
      pointer: `${pointer}/default`,
      message: `the default "${field.default}" of ${what} "${field.key}" is not one of its values: ${[...seen].join(', ')}`,
    });
  }
  return findings;
}

/** Static dropdowns (options and connection parameters) need values, distinct ones, and a default among them. */
export const dropdowns: SpecRule = {
  name: 'dropdowns',
  codes: ['OC-SPEC-DROPDOWN'],
  description: 'Dropdowns need distinct values; defaults must be among them.',
  check({ spec }) {
    return [
      ...(spec.connectionParameters ?? []).flatMap((p, i) =>
        checkField(p, `/connectionParameters/${i}`, 'connection parameter'),
      ),
      ...spec.actions.flatMap((action, a) =>
        (action.options ?? []).flatMap((o, i) =>
          checkField(o, `/actions/${a}/options/${i}`, `option of "${action.name}"`),
        ),
      ),
    ];
  },
};
