import type { CardHandle, Value } from '../card.js';
import { OPERATOR_CHOICES, deepFreeze, type Operator } from '../defaults.js';
import type { FlowBuilder } from '../flow.js';
import type { IoType } from '../../types.js';

export interface Condition {
  left: Value;
  operator: Operator;
  /** Omitted for the unary operators `is empty` / `is not empty`. */
  right?: Value;
  /** Type of the operands as shown on the card (default: string). */
  type?: IoType;
}

const OPERAND_TYPES: readonly string[] = deepFreeze(['object', 'string', 'number', 'Date', 'boolean']);

/** `left-operand`, `operator` (displayname "comparison"), `right-operand`, as on real If/Else cards. */
export function addOperands(flow: FlowBuilder, card: CardHandle, c: Condition): void {
  const type = c.type ?? 'string';
  const left = card.addInput({
    key: 'left-operand',
    type,
    available: OPERAND_TYPES,
    metadata: { displayname: 'value a' },
  });
  const op = card.addInput({
    key: 'operator',
    type: 'string',
    data: c.operator,
    required: true,
    metadata: { choices: OPERATOR_CHOICES as unknown as unknown[], displayname: 'comparison' },
  });
  delete (op.field.value as { available?: unknown }).available;
  const right = card.addInput({
    key: 'right-operand',
    type,
    collection: Array.isArray(c.right),
    available: OPERAND_TYPES,
    metadata: { displayname: 'value b' },
  });
  flow.set(left, c.left);
  if (c.right !== undefined) flow.set(right, c.right);
}
