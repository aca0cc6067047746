import { toPointer } from '../../source/document.js';
import { isDroppable, optionalIn, type IsOptional } from '../empty-values.js';
import type { RequestTemplate } from '../types.js';
import type { RuleFinding, SpecRule } from './rule.js';

/**
 * JSON values the cards could only build as a different request (src/spec/empty-values.ts): a list item that
 * could be dropped, and object keys with a dot, which Object Construct reads as a path (`a.b` → {a: {b}}).
 */
function check(
  request: RequestTemplate,
  base: (string | number)[],
  label: string,
  isOptional: IsOptional,
  defaultHeaders: Record<string, string>,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  // `at` is the path to `value`, extended and restored in place: a copy for every value cost more than the checks.
  const walk = (value: unknown, at: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        at.push(i);
        if (isDroppable(item, isOptional)) {
          findings.push({
            code: 'OC-SPEC-LIST-ITEM-OPTIONAL',
            severity: 'error',
            pointer: toPointer(at),
            message: `item ${i + 1} of this list in ${label} depends only on optional values; Okta's cards cannot leave an empty item out of a list, so it would be sent empty`,
            hint: 'make the input required, give the item a literal or required value, or pass the whole list as one list input (`list: true`, value "${inputs.key}")',
          });
        }
        walk(item, at);
        at.pop();
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        at.push(k);
        if (k.includes('.')) {
          findings.push({
            code: 'OC-SPEC-DOTTED-KEY',
            severity: 'error',
            pointer: toPointer(at),
            message: `the key "${k}" in ${label} holds a dot; Object Construct reads dotted keys as paths and would send ${JSON.stringify(k.split('.')[0])}: {…} instead`,
            hint: 'nest the value as an object, or rename the key',
          });
        }
        walk(v, at);
        at.pop();
      }
    }
  };
  for (const part of ['query', 'headers'] as const) walk(request[part] ?? {}, [...base, part]);
  // One Merge card joins default and request headers by exact name: names differing in case would both be sent.
  const defaults = Object.keys(defaultHeaders);
  for (const name of Object.keys(request.headers ?? {})) {
    const clash = defaults.find((d) => d !== name && d.toLowerCase() === name.toLowerCase());
    if (clash)
      findings.push({
        code: 'OC-SPEC-HEADER-CASE',
        severity: 'error',
        pointer: toPointer([...base, 'headers', name]),
        message: `the header "${name}" in ${label} differs only in case from the default header "${clash}"; both would be sent`,
        hint: `spell it "${clash}" to override the default`,
      });
  }
  if (request.body?.encoding === 'json') walk(request.body.fields, [...base, 'body', 'fields']);
  return findings;
}

/** Request values the generated cards can send exactly as the spec describes them. */
export const requestValues: SpecRule = {
  name: 'request-values',
  codes: ['OC-SPEC-LIST-ITEM-OPTIONAL', 'OC-SPEC-DOTTED-KEY', 'OC-SPEC-HEADER-CASE'],
  description:
    'List items may not depend only on optional values; JSON, query and header keys may not hold a dot; a request header may not differ from a default header in case only.',
  check({ spec }) {
    return [
      ...check(
        spec.authping.request,
        ['authping', 'request'],
        'the authping request',
        optionalIn(spec, undefined),
        spec.defaultHeaders ?? {},
      ),
      ...spec.actions.flatMap((action, a) =>
        check(
          action.request,
          ['actions', a, 'request'],
          `action "${action.name}"`,
          optionalIn(spec, action),
          spec.defaultHeaders ?? {},
        ),
      ),
    ];
  },
};
