import { ASSIGN_IF_FIELDS } from '../../cards/control/assign-if.js';
import type { IoType } from '../../types.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import { conditionCard, type Condition } from './operands.js';

/** Assign If (`control:assignIf`): `output` = condition ? valueIfTrue : valueIfFalse (real card, PAM template). */
export function assignIf(
  flow: FlowBuilder,
  path: string,
  condition: Condition,
  ifTrue: Value,
  ifFalse: Value,
  type: IoType = 'string',
  name?: string,
  /** The values are lists of `type`. */
  collection = false,
): OutputRef {
  const card = conditionCard(flow, 'assignIf', path, condition, name, ASSIGN_IF_FIELDS.operator);
  const whenTrue = card.addInput({ ...ASSIGN_IF_FIELDS.valueIfTrue, type, collection });
  const whenFalse = card.addInput({ ...ASSIGN_IF_FIELDS.valueIfFalse, type, collection });
  flow.set(whenTrue, ifTrue);
  flow.set(whenFalse, ifFalse);
  return card.addOutput({ ...ASSIGN_IF_FIELDS.output, type, collection });
}
