import { OPERAND_FIELDS } from '../../flopack/cards/operands.js';
import { OPERATOR_VALUES } from '../../flopack/operators.js';
import { cardWhere, fieldValue, valuePointer } from '../describe.js';
import { lintRule } from '../types.js';

const COMPARING_CARDS = new Set([
  'control:if',
  'control:branch',
  'control:continueIf',
  'control:throwIf',
  'control:assignIf',
]);

/** Static comparison operators are ones Okta offers; anything else fails when the card runs. */
export const operatorRule = lintRule('OC-FLOPACK-OPERATOR', 'warning', {
  description:
    "static `operator` of If/Else, If/ElseIf, Continue If, Return Error If, Assign If is one of Okta's",
  card(card, ctx) {
    if (card.parts?.family !== 'kernel' || !COMPARING_CARDS.has(card.tail)) return;
    for (const io of card.inputs.values()) {
      const op = fieldValue(io)?.data;
      if (
        io.key !== OPERAND_FIELDS.operator.key ||
        typeof op !== 'string' ||
        op === '' ||
        (OPERATOR_VALUES as readonly string[]).includes(op)
      )
        continue;
      ctx.report({
        message: `comparison ${JSON.stringify(op)} is not one Okta offers`,
        pointer: valuePointer(card, io),
        where: cardWhere(card),
        hint: `use one of ${OPERATOR_VALUES.map((o) => JSON.stringify(o)).join(', ')}`,
      });
    }
  },
});
