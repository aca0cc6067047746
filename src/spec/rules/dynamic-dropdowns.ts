import { templateRefs } from '../placeholders.js';
import type { RuleFinding, SpecRule } from './rule.js';

/**
 * A dynamic dropdown lists its values with a GET before anyone has filled the card in: a dropdown without static
 * values whose request reads only the connection (`${connection.<key>}` or connection parameters).
 */
export const dynamicDropdowns: SpecRule = {
  name: 'dynamic-dropdowns',
  codes: ['OC-SPEC-DYNAMIC-DROPDOWN'],
  description: 'A dynamic dropdown is a dropdown whose GET reads only the connection.',
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
        const texts = [
          d.request.path,
          ...Object.values(d.request.query ?? {}),
          ...Object.values(d.request.headers ?? {}),
        ];
        for (const text of texts) {
          for (const ref of templateRefs(text)) {
            if (ref.source === 'connection') continue;
            add(
              '/dynamic/request',
              `the values of "${option.key}" are listed before the card is filled in, so the request may use \${connection.<key>} only; found \${${ref.source}.${ref.key}}`,
            );
          }
        }
      });
    });
    return findings;
  },
};
