import type { RuleFinding, SpecRule } from './rule.js';

/** Parses `404` or `"400-499"` into an inclusive range. */
export function statusRange(entry: number | string): [number, number] {
  if (typeof entry === 'number') return [entry, entry];
  const [lo, hi] = entry.split('-').map(Number);
  return [lo!, hi ?? lo!];
}

/** Error statuses must be real ranges, and treating a success as an error is almost always a mistake. */
export const errorStatuses: SpecRule = {
  name: 'error-statuses',
  codes: ['OC-SPEC-ERROR-STATUSES'],
  description: 'Error status ranges must be ordered and should not include 2xx.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    spec.actions.forEach((action, a) => {
      (action.errors?.statuses ?? []).forEach((entry, i) => {
        const [lo, hi] = statusRange(entry);
        const pointer = `/actions/${a}/errors/statuses/${i}`;
        if (lo > hi) {
          findings.push({
            code: 'OC-SPEC-ERROR-STATUSES',
            severity: 'error',
            pointer,
            message: `the range "${entry}" is reversed`,
            hint: `use "${hi}-${lo}"`,
          });
        } else if (lo < 300 && hi >= 200) {
          findings.push({
            code: 'OC-SPEC-ERROR-STATUSES',
            severity: 'warning',
            pointer,
            message: `action "${action.name}" treats success statuses (${Math.max(lo, 200)}–${Math.min(hi, 299)}) as errors`,
          });
        }
      });
    });
    return findings;
  },
};
