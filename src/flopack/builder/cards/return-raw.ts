import { RETURN_RAW_FIELDS } from '../../cards/control/return-raw.js';
import type { CardHandle, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/** Return Raw (`control:returnRaw`): the HTTP response of an API Endpoint flow (validate_email_domain template). */
export function returnRaw(
  flow: FlowBuilder,
  path: string,
  res: { statusCode: Value; headers: Value; body: Value },
  name?: string,
): CardHandle {
  const card = flow.add('returnRaw', path, name);
  const hidden = { metadata: { forceHide: true } };
  const code = card.addMirrored(RETURN_RAW_FIELDS.statusCode, hidden);
  const headers = card.addMirrored(RETURN_RAW_FIELDS.headers, hidden);
  const body = card.addMirrored(RETURN_RAW_FIELDS.body);
  flow.set(code.input, res.statusCode);
  flow.set(headers.input, res.headers);
  flow.set(body.input, res.body);
  return card;
}
