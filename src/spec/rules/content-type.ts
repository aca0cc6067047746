import type { RuleFinding, SpecRule } from './rule.js';

const EXPECTED: Record<string, string> = {
  form: 'application/x-www-form-urlencoded',
  json: 'application/json',
};

/** A hand-set Content-Type that contradicts the body encoding produces requests the service would refuse. */
export const contentType: SpecRule = {
  name: 'content-type',
  codes: ['OC-SPEC-CONTENT-TYPE'],
  description: 'Content-Type is derived from the body encoding; a header that contradicts it is an error.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    spec.actions.forEach((action, a) => {
      const headers = action.request.headers ?? {};
      const name = Object.keys(headers).find((h) => h.toLowerCase() === 'content-type');
      if (!name) return;
      const value = headers[name]!.split(';')[0]!.trim().toLowerCase();
      const body = action.request.body;
      const expected = body
        ? body.encoding === 'text'
          ? body.contentType
          : EXPECTED[body.encoding]
        : undefined;
      const pointer = `/actions/${a}/request/headers/${name}`;
      if (!body) {
        findings.push({
          code: 'OC-SPEC-CONTENT-TYPE',
          severity: 'warning',
          pointer,
          message: `action "${action.name}" sets ${name} but sends no body`,
        });
      } else if (expected && value !== expected) {
        findings.push({
          code: 'OC-SPEC-CONTENT-TYPE',
          severity: 'error',
          pointer,
          message: `action "${action.name}" sends a ${body.encoding} body but sets ${name}: ${headers[name]}; expected ${expected}`,
          hint: 'remove the header: the Content-Type follows the body encoding',
        });
      }
    });
    return findings;
  },
};
