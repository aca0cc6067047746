import { RETURN_ERROR_FIELDS } from '../../cards/control/return-error.js';
import type { CardHandle, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/** Return Error (`control:throw`): `statusCode` and `message`, both required, echoed as outputs (real card). */
export function throwError(
  flow: FlowBuilder,
  path: string,
  statusCode: Value,
  message: Value,
  name?: string,
): CardHandle {
  const card = flow.add('throw', path, name);
  const code = card.addMirrored(RETURN_ERROR_FIELDS.statusCode);
  const text = card.addMirrored(RETURN_ERROR_FIELDS.message);
  flow.set(code.input, statusCode);
  flow.set(text.input, message);
  return card;
}
