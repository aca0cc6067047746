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
  const code = card.addMirrored(
    { key: 'statusCode', type: 'number', data: 200, required: true },
    { metadata: { forceHide: true } },
  );
  const headers = card.addMirrored(
    { key: 'headers', type: 'object', data: {}, required: true },
    { metadata: { forceHide: true } },
  );
  const body = card.addMirrored({ key: 'body', type: 'string' });
  flow.set(code.input, res.statusCode);
  flow.set(headers.input, res.headers);
  flow.set(body.input, res.body);
  return card;
}
