import { deepFreeze } from '../../util/deep-freeze.js';
import { OPERATOR_CHOICES } from '../operators.js';
import type { CardContext } from '../semantics/context.js';
import { compare } from '../semantics/values.js';
import type { FieldSpec } from './field-spec.js';

const OPERAND_TYPES: readonly string[] = deepFreeze(['object', 'string', 'number', 'Date', 'boolean']);

/**
 * `left-operand`, `operator` (displayname "comparison"), `right-operand`: the condition of If/Else, If/ElseIf,
 * Continue If, Return Error If and Assign If, as on real cards. The builder adds the operands' type.
 */
export const OPERAND_FIELDS = deepFreeze({
  left: { key: 'left-operand', available: OPERAND_TYPES, metadata: { displayname: 'value a' } },
  operator: {
    key: 'operator',
    type: 'string',
    required: true,
    metadata: { choices: OPERATOR_CHOICES as unknown as unknown[], displayname: 'comparison' },
  },
  right: { key: 'right-operand', available: OPERAND_TYPES, metadata: { displayname: 'value b' } },
} satisfies Record<string, FieldSpec>);

/** The operator as Return Error If and Assign If carry it on real cards: never required. */
export const OPTIONAL_OPERATOR = deepFreeze({
  key: OPERAND_FIELDS.operator.key,
  type: OPERAND_FIELDS.operator.type,
  metadata: OPERAND_FIELDS.operator.metadata,
} satisfies FieldSpec);

/** Whether the condition holds for the given operand values (keyed by field key). */
export function conditionHolds(ctx: CardContext, values: Record<string, unknown> = ctx.inputs): boolean {
  return compare(
    values[OPERAND_FIELDS.left.key],
    values[OPERAND_FIELDS.operator.key],
    values[OPERAND_FIELDS.right.key],
    ctx.flags,
  );
}
