import { CONTINUE_IF_FIELDS } from '../../cards/control/continue-if.js';
import type { CardHandle, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import { conditionCard, type Condition } from './operands.js';

/** Continue If (`control:continueIf`): stops the flow quietly unless the condition holds (intro_custom_api_actions). */
export function continueIf(
  flow: FlowBuilder,
  path: string,
  condition: Condition,
  otherwise: Value = '',
  name?: string,
): CardHandle {
  const card = conditionCard(flow, 'continueIf', path, condition, name, CONTINUE_IF_FIELDS.operator);
  flow.set(card.addInput(CONTINUE_IF_FIELDS.otherwise), otherwise);
  card.addOutput(CONTINUE_IF_FIELDS.message);
  return card;
}
