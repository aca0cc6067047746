import { EACH_ITEM } from '../../connector/contract.js';
import type { RuleFinding, SpecRule } from './rule.js';

const PATH = /^[^.\s]+(\.[^.\s]+)*$/;

/** Output mappings that can never produce a value. */
export const outputPaths: SpecRule = {
  name: 'output-paths',
  codes: ['OC-SPEC-OUTPUT-PATH'],
  description: 'Output mappings must point somewhere a response can have a value.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    spec.actions.forEach((action, a) => {
      (action.outputs ?? []).forEach((output, o) => {
        // The pointer is built for a finding only: a string for each of thousands of outputs cost more (issue 17).
        const add = (severity: 'error' | 'warning', message: string, hint?: string, at = '/path') =>
          findings.push({
            code: 'OC-SPEC-OUTPUT-PATH',
            severity,
            pointer: `/actions/${a}/outputs/${o}${at}`,
            message,
            hint,
          });
        const path = output.path;
        if (output.from === 'status') {
          if (path)
            add(
              'error',
              `output "${output.key}" comes from the status code, which has no path; found "${path}"`,
              'remove `path`',
            );
          if (output.type !== 'number') {
            add(
              'error',
              `output "${output.key}" comes from the status code, a number; found type "${output.type}"`,
              'use type: number',
              '/type',
            );
          }
          return;
        }
        if (output.from === 'headers') {
          if (!path)
            add(
              'error',
              `output "${output.key}" comes from a response header but names none`,
              'set path to the header name, e.g. Content-Type',
              '',
            );
          else if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(path)) {
            add(
              'error',
              `output "${output.key}" names the header "${path}", which is not a valid header name`,
            );
          }
          return;
        }
        if (path !== undefined && path !== '' && !PATH.test(path)) {
          add(
            'error',
            `output "${output.key}" has the body path "${path}"; expected dot-separated keys such as "messages.0.sid"`,
          );
        }
        if (action.request.method === 'DELETE') {
          add(
            'warning',
            `output "${output.key}" reads the body of a DELETE, which services usually answer with 204 No Content`,
            'map the status code instead (from: status)',
            '/from',
          );
        }
        // Most paths hold no `*`: they are not split.
        const stars = path?.includes(EACH_ITEM)
          ? path.split('.').filter((seg) => seg === EACH_ITEM).length
          : 0;
        if (stars > 0) {
          if (!output.list)
            add(
              'error',
              `output "${output.key}" picks a value from each item ("${path}"), which gives a list; it is not a list`,
              'set list: true',
              '/list',
            );
          if (stars > 1 || path!.endsWith(EACH_ITEM))
            add(
              'error',
              `output "${output.key}" has the path "${path}"; \`${EACH_ITEM}\` may appear once, followed by the field to pick from each item`,
              'e.g. labels.*.name',
            );
        }
        if (output.list && path && /\.\d+$/.test(path)) {
          add(
            'warning',
            `output "${output.key}" is a list but its path "${path}" ends with an index, which selects one item`,
          );
        }
      });
    });
    return findings;
  },
};
