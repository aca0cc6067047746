import { HTTP_FIELDS } from '../../cards/http-functions/request.js';
import type { CardHandle, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

export interface RawRequestInputs {
  url: Value;
  method: Value;
  query: Value;
  headers: Value;
  body: Value;
}

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
  const F = HTTP_FIELDS;
  flow.set(card.addInput(F.url), req.url);
  flow.set(card.addInput(F.method), req.method);
  flow.set(card.addInput(F.query), req.query);
  flow.set(card.addInput(F.headers), req.headers);
  flow.set(card.addInput(F.body), req.body);
  card.addOutput(F.statusCode);
  card.addOutput(F.responseHeaders);
  card.addOutput(F.responseBody);
  return card;
}
