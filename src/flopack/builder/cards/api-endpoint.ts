import { API_ENDPOINT_FIELDS } from '../../cards/http/api-endpoint.js';
import type { IoType } from '../../types.js';
import type { CardHandle, OutputRef } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/**
 * API Endpoint event card (`http:accept`): the raw request and execution id (cards/http/api-endpoint.ts), then
 * typed custom fields in group `body`/`headers`/`query` (telephony flow, §1.9). The flo gets
 * `security_level: "medium"` (client token) when built.
 */
export function apiEndpoint(flow: FlowBuilder, path = 'start'): CardHandle {
  const card = flow.add('accept', path);
  for (const field of Object.values(API_ENDPOINT_FIELDS)) card.addMirrored(field);
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
