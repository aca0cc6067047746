import { requestRefs } from '../placeholders.js';
import type { RequestTemplate } from '../types.js';
import type { RuleFinding, SpecRule } from './rule.js';

/**
 * A dynamic dropdown lists its values, and a dynamic input group its fields, with a GET before anyone has filled the
 * card in: a request that reads only the connection; a dynamic dropdown has no static values.
 */
/** `source.key` of every placeholder in a design-time request that is not the connection's. */
function nonConnectionRefs(request: RequestTemplate): string[] {
  return requestRefs(request)
    .filter((ref) => ref.source !== 'connection')
    .map((ref) => `${ref.source}.${ref.key}`);
}

export const dynamicDropdowns: SpecRule = {
  name: 'dynamic-dropdowns',
  codes: ['OC-SPEC-DYNAMIC-DROPDOWN'],
  description: 'A dynamic dropdown or input group is listed by a GET that reads only the connection.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    spec.actions.forEach((action, a) => {
      (action.options ?? []).forEach((option, o) => {
        const d = option.dynamic;
        if (!d) return;
        const at = `/actions/${a}/options/${o}`;
        const add = (pointer: string, message: string, hint?: string) =>
          findings.push({
            code: 'OC-SPEC-DYNAMIC-DROPDOWN',
            severity: 'error',
            pointer: at + pointer,
            message,
            hint,
          });
        if (option.type !== 'dropdown')
          add('/type', `option "${option.key}" has dynamic values, so it must be a dropdown`);
        if (option.values?.length)
          add(
            '/values',
            `option "${option.key}" has both static values and dynamic ones`,
            'keep one of them',
          );
        if (d.request.method !== 'GET' || d.request.body)
          add(
            '/dynamic/request/method',
            `the values of "${option.key}" are listed with a GET without a body`,
          );
        for (const ref of nonConnectionRefs(d.request)) {
          add(
            '/dynamic/request',
            `the values of "${option.key}" are listed before the card is filled in, so the request may use \${connection.<key>} only; found \${${ref}}`,
          );
        }
      });
      const group = action.dynamicInputs;
      if (!group) return;
      const at = `/actions/${a}/dynamicInputs`;
      if (group.request.method !== 'GET' || group.request.body)
        findings.push({
          code: 'OC-SPEC-DYNAMIC-DROPDOWN',
          severity: 'error',
          pointer: `${at}/request/method`,
          message: `the fields of "${group.key}" are listed with a GET without a body`,
        });
      for (const ref of nonConnectionRefs(group.request)) {
        findings.push({
          code: 'OC-SPEC-DYNAMIC-DROPDOWN',
          severity: 'error',
          pointer: `${at}/request`,
          message: `the fields of "${group.key}" are listed before the card is filled in, so the request may use \${connection.<key>} only; found \${${ref}}`,
        });
      }
    });
    return findings;
  },
};
