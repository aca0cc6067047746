import type { RuleFinding, SpecRule } from './rule.js';

/** The HTTP card's retry window must be a window: Connector Builder picks a wait between the two values. */
export const retry: SpecRule = {
  name: 'retry',
  codes: ['OC-SPEC-RETRY'],
  description: 'retry.minMinutes is at most retry.maxMinutes.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    const r = spec.retry;
    if (r?.minMinutes !== undefined && r.maxMinutes !== undefined && r.minMinutes > r.maxMinutes) {
      findings.push({
        code: 'OC-SPEC-RETRY',
        severity: 'error',
        pointer: '/retry/maxMinutes',
        message: `retry waits between ${r.minMinutes} and ${r.maxMinutes} minutes: the maximum is below the minimum`,
        hint: `set maxMinutes to ${r.minMinutes} or more`,
      });
    }
    return findings;
  },
};
