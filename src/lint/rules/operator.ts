import { child, kernelTail } from '../json.js';
import { OPERATOR_VALUES } from '../../flopack/operators.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-OPERATOR';
const COMPARING_CARDS = new Set([
  'control:if',
  'control:branch',
  'control:continueIf',
  'control:throwIf',
  'control:assignIf',
]);

/** Static comparison operators are ones Okta offers; anything else fails when the card runs. */
export const operatorRule: LintRule = {
  code: CODE,
  severity: 'warning',
  description:
    "static `operator` of If/Else, If/ElseIf, Continue If, Return Error If, Assign If is one of Okta's",
  check(ctx) {
    for (const scope of ctx.scopes) {
      for (const card of scope.cards) {
        if (!COMPARING_CARDS.has(kernelTail(card.address) ?? '')) continue;
        for (const io of card.inputs.values()) {
          const op = io.value?.data;
          if (
            io.key !== 'operator' ||
            typeof op !== 'string' ||
            op === '' ||
            (OPERATOR_VALUES as readonly string[]).includes(op)
          )
            continue;
          ctx.report({
            message: `comparison ${JSON.stringify(op)} is not one Okta offers`,
            pointer: child(child(io.pointer, 'value'), 'data'),
            where: card.where,
            hint: `use one of ${OPERATOR_VALUES.map((o) => JSON.stringify(o)).join(', ')}`,
          });
        }
      }
    }
  },
};
