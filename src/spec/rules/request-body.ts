import type { RuleFinding, SpecRule } from './rule.js';
import type { RequestTemplate } from '../types.js';

function checkBody(request: RequestTemplate, base: string, label: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const body = request.body;
  if (!body) return findings;
  if (request.method === 'GET') {
    findings.push({
      code: 'OC-SPEC-BODY-ON-GET',
      severity: 'error',
      pointer: `${base}/body`,
      message: `${label} is a GET with a body; GET requests carry no body and most services reject or ignore one`,
      hint: 'move the fields to `query`, or use POST',
    });
  } else if (request.method === 'DELETE') {
    findings.push({
      code: 'OC-SPEC-BODY-ON-GET',
      severity: 'warning',
      pointer: `${base}/body`,
      message: `${label} is a DELETE with a body; many services and proxies drop it`,
    });
  }
  if (body.encoding === 'form') {
    for (const [k, v] of Object.entries(body.fields)) {
      if (typeof v === 'string') continue;
      findings.push({
        code: 'OC-SPEC-FORM-NESTED',
        severity: 'error',
        pointer: `${base}/body/fields/${k}`,
        message: `form field "${k}" of ${label} is ${Array.isArray(v) ? 'a list' : typeof v === 'object' && v ? 'an object' : typeof v}; form-urlencoded bodies hold text values only`,
        hint:
          typeof v === 'object'
            ? 'use encoding: json for nested data, or flatten it into text fields'
            : `quote it: "${String(v)}"`,
      });
    }
  }
  return findings;
}

/** Bodies that the service would refuse: a body on GET, nested values in a form body. */
export const requestBody: SpecRule = {
  name: 'request-body',
  codes: ['OC-SPEC-BODY-ON-GET', 'OC-SPEC-FORM-NESTED'],
  description: 'GET requests have no body; form-urlencoded bodies hold only text values.',
  check({ spec }) {
    return [
      ...checkBody(spec.authping.request, '/authping/request', 'the authping request'),
      ...spec.actions.flatMap((action, a) =>
        checkBody(action.request, `/actions/${a}/request`, `action "${action.name}"`),
      ),
    ];
  },
};
