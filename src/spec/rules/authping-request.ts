import type { RuleFinding, SpecRule } from './rule.js';

/**
 * The Authping flow runs whenever a connection is made or a flow opened, so it must be side-effect free
 * (seed 001: "The endpoint used must not trigger any actions on the other end").
 */
export const authpingRequest: SpecRule = {
  name: 'authping-request',
  codes: ['OC-SPEC-AUTHPING'],
  description: 'The authping request should be a read (GET) and expect a success status.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    const { request, healthyStatuses } = spec.authping;
    if (request.method !== 'GET') {
      findings.push({
        code: 'OC-SPEC-AUTHPING',
        severity: 'warning',
        pointer: '/authping/request/method',
        message: `the authping request is a ${request.method}; Okta calls it on every connection check, so it must not change anything`,
        hint: 'use a GET on a cheap list or "me" endpoint, e.g. a list with PageSize=1',
      });
    }
    (healthyStatuses ?? []).forEach((status, i) => {
      if (status >= 200 && status < 300) return;
      findings.push({
        code: 'OC-SPEC-AUTHPING',
        severity: 'warning',
        pointer: `/authping/healthyStatuses/${i}`,
        message: `healthy status ${status} is not a 2xx; a connection would be reported working when the service refuses it`,
      });
    });
    return findings;
  },
};
