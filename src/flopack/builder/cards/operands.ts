import { OPERAND_FIELDS } from '../../cards/operands.js';
import type { FieldSpec } from '../../cards/field-spec.js';
import type { Operator } from '../../operators.js';
import type { IoType } from '../../types.js';
import type { CardKind } from '../../cards/index.js';
import type { CardHandle, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

export interface Condition {
  left: Value;
  operator: Operator;
  /** Omitted for the unary operators `is empty` / `is not empty`. */
  right?: Value;
  /** Type of the operands as shown on the card (default: string). */
  type?: IoType;
}

/** The condition's fields (cards/operands.ts), fed with its values. */
export function addOperands(
  flow: FlowBuilder,
  card: CardHandle,
  c: Condition,
  operator: FieldSpec = OPERAND_FIELDS.operator,
): void {
  const type = c.type ?? 'string';
  const left = card.addInput({ ...OPERAND_FIELDS.left, type });
  const op = card.addInput({ ...operator, data: c.operator });
  // Real operator fields carry no `available` list.
  delete (op.field.value as { available?: unknown }).available;
  const right = card.addInput({ ...OPERAND_FIELDS.right, type, collection: Array.isArray(c.right) });
  flow.set(left, c.left);
  if (c.right !== undefined) flow.set(right, c.right);
}

/**
 * A card of a comparing kind (If/Else, Continue If, Return Error If, Assign If) with its condition's fields; `operator`
 * is the kind's own operator field (required on some kinds, not on others).
 */
export function conditionCard(
  flow: FlowBuilder,
  kind: CardKind,
  path: string,
  condition: Condition,
  name?: string,
  operator?: FieldSpec,
): CardHandle {
  const card = flow.add(kind, path, name);
  addOperands(flow, card, condition, operator);
  return card;
}
