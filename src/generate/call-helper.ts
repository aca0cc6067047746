import { callFlow, type CardHandle, type Value } from '../flopack/builder/index.js';
import { CONNECTION_INPUT_KEY, HELPER_INPUTS, RAW_BODY_INPUT } from '../connector/contract.js';
import type { GenerationContext } from './generation-context.js';
import type { HelperRequest } from './request.js';
import type { TemplateScope } from './template-scope.js';

/** Call Flow httpHelper with the connection object and the request (contract HELPER_INPUTS). */
export function callHelper(
  context: GenerationContext,
  scope: TemplateScope,
  auth: Value,
  req: HelperRequest,
): CardHandle {
  const flow = scope.flow;
  const card = callFlow(flow, 'call/httpHelper', context.helperSignature(), 'Call httpHelper');
  flow.set(card.input(CONNECTION_INPUT_KEY), auth);
  flow.set(card.input(HELPER_INPUTS.relativeUrl), req.relativeUrl);
  flow.set(card.input(HELPER_INPUTS.method), req.method);
  flow.set(card.input(HELPER_INPUTS.query), req.query);
  flow.set(card.input(HELPER_INPUTS.headers), req.headers);
  flow.set(card.input(HELPER_INPUTS.body), req.body);
  flow.set(card.input(RAW_BODY_INPUT), req.rawBody);
  return card;
}
