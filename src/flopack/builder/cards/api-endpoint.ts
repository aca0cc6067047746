import type { CardHandle, OutputRef } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import type { IoType } from '../../types.js';

/**
 * API Endpoint event card (`http:accept`): hidden `raw` group (headers object, body string, query string),
 * context `execution_id`, then typed custom fields in group `body`/`headers`/`query` (telephony flow, §1.9).
 * The flo gets `security_level: "medium"` (client token) when built.
 */
export function apiEndpoint(flow: FlowBuilder, path = 'start'): CardHandle {
  const card = flow.add('accept', path);
  const raw = (key: string, type: IoType, data: unknown) =>
    card.addMirrored({ key, group: 'raw', type, data, metadata: { hidden: true } });
  raw('headers', 'object', {});
  raw('body', 'string', '');
  raw('query', 'string', '');
  card.addMirrored({
    key: 'execution_id',
    group: 'context',
    type: 'string',
    data: null,
    metadata: { displayname: 'Execution ID' },
  });
  return card;
}

/** A typed request field of an API Endpoint (`group` body, headers or query); nested object types allowed. */
export function addEndpointField(
  card: CardHandle,
  key: string,
  type: IoType,
  group: 'body' | 'headers' | 'query' = 'body',
): OutputRef {
  return card.addMirrored({ key, group, type, metadata: { custom: true } }).output;
}
