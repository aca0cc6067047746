import type { CardHandle, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import type { IoType } from '../../types.js';

/** Assign (`control:let`): named values, each echoed as an output (make_api_requests_http_card). */
export function assign(
  flow: FlowBuilder,
  path: string,
  fields: Array<{ key: string; value: Value; type?: IoType }>,
  name?: string,
): CardHandle {
  const card = flow.add('let', path, name);
  for (const f of fields) {
    const { input } = card.addMirrored({ key: f.key, type: f.type ?? 'string', metadata: { custom: true } });
    flow.set(input, f.value);
  }
  return card;
}
