import type { CardHandle, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

export interface RawRequestInputs {
  url: Value;
  method: Value;
  query: Value;
  headers: Value;
  body: Value;
}

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * HTTP Raw Request (`root:channels:http:httpfunctions:1.0.11:raw`), copied from make_api_requests_http_card:
 * group `Request` inputs URL, Method, Query, Headers, Body (string); group `Response` outputs Status Code
 * (number), Headers (object), Body (string). `model.config` stays null: no connection is exported (§1.11).
 */
export function rawRequest(
  flow: FlowBuilder,
  path: string,
  req: RawRequestInputs,
  name?: string,
): CardHandle {
  const card = flow.add('rawRequest', path, name);
  const add = (
    key: string,
    type: 'string' | 'object',
    available: string[],
    extra: Record<string, unknown> = {},
  ) => card.addInput({ key, group: 'Request', type, available, metadata: { optional: false, ...extra } });
  flow.set(add('URL', 'string', ['string']), req.url);
  flow.set(add('Method', 'string', ['string'], { type: 'list', choices: [...HTTP_METHODS] }), req.method);
  flow.set(add('Query', 'object', ['string', 'object']), req.query);
  flow.set(add('Headers', 'object', ['object']), req.headers);
  flow.set(add('Body', 'string', ['string']), req.body);
  card.addOutput({ key: 'Status Code', group: 'Response', type: 'number', data: 0, available: ['number'] });
  card.addOutput({ key: 'Headers', group: 'Response', type: 'object', data: {}, available: ['object'] });
  card.addOutput({ key: 'Body', group: 'Response', type: 'string', available: ['string'] });
  return card;
}
