import { RETURN_ERROR_IF_FIELDS } from '../../cards/control/return-error-if.js';
import type { CardHandle, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import { conditionCard, type Condition } from './operands.js';

/**
 * Return Error If (`control:throwIf`): ends the flow with an error (`statusCode`, `message`) when the condition
 * holds. Fields per reference §1.7 (operands as on Continue If; statusCode/message as on Return Error).
 */
export function throwIf(
  flow: FlowBuilder,
  path: string,
  condition: Condition,
  error: { statusCode: Value; message: Value },
  name?: string,
): CardHandle {
  const card = conditionCard(flow, 'throwIf', path, condition, name, RETURN_ERROR_IF_FIELDS.operator);
  const message = card.addInput(RETURN_ERROR_IF_FIELDS.message);
  const code = card.addInput(RETURN_ERROR_IF_FIELDS.statusCode);
  flow.set(message, error.message);
  flow.set(code, error.statusCode);
  return card;
}
