import { walkJson } from '../../util/json-walk.js';
import type { RequestTemplate } from '../types.js';
import type { RuleFinding, SpecRule } from './rule.js';

/**
 * Most values one request or one card may carry. Each becomes several cards (about 9 KB of flow JSON per form field),
 * so 150,000 of them would make a 1.3 GB flow that neither `build` nor Okta could handle; no real API comes near.
 */
export const MAX_REQUEST_VALUES = 1000;
export const MAX_CARD_FIELDS = 1000;

function requestSize(request: RequestTemplate): number {
  let count = Object.keys(request.query ?? {}).length + Object.keys(request.headers ?? {}).length;
  if (request.body?.encoding === 'text') return count + 1;
  if (request.body)
    walkJson(request.body.fields, (visit) => {
      if (visit.depth > 0) count++;
    });
  return count;
}

/** Requests and cards stay within the size a flow can hold (validate OK must mean build OK). */
export const sizeLimits: SpecRule = {
  name: 'size-limits',
  codes: ['OC-SPEC-TOO-LARGE'],
  description: `A request carries at most ${MAX_REQUEST_VALUES} query, header and body values; a card at most ${MAX_CARD_FIELDS} inputs, options or outputs.`,
  check({ spec }) {
    const findings: RuleFinding[] = [];
    const requests = [
      { request: spec.authping.request, pointer: '/authping/request', label: 'the health check' },
      ...spec.actions.map((a, i) => ({
        request: a.request,
        pointer: `/actions/${i}/request`,
        label: `action "${a.name}"`,
      })),
    ];
    for (const { request, pointer, label } of requests) {
      const size = requestSize(request);
      if (size <= MAX_REQUEST_VALUES) continue;
      findings.push({
        code: 'OC-SPEC-TOO-LARGE',
        severity: 'error',
        pointer,
        message: `the request of ${label} carries ${size} values; at most ${MAX_REQUEST_VALUES} fit in a flow`,
        hint: 'send a JSON body built from one object input instead of one field per value',
      });
    }
    spec.actions.forEach((action, i) => {
      for (const part of ['inputs', 'options', 'outputs'] as const) {
        const count = action[part]?.length ?? 0;
        if (count <= MAX_CARD_FIELDS) continue;
        findings.push({
          code: 'OC-SPEC-TOO-LARGE',
          severity: 'error',
          pointer: `/actions/${i}/${part}`,
          message: `action "${action.name}" declares ${count} ${part}; at most ${MAX_CARD_FIELDS} fit on a card`,
        });
      }
    });
    return findings;
  },
};
