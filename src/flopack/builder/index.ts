/**
 * Typed builder for Okta Workflows flows in the real export format (reference §1). Build a flow with
 * `new FlowBuilder(ids, namespace)`, add cards with the factories below (or `flow.add(kind)` and the fields the
 * catalogue declares, src/flopack/cards), wire them with `flow.pin`/`flow.set` and `flow.order`/`flow.chain`, then
 * `flow.build(...)` into a flo for `Flopack.data.flos`.
 */
export { IdFactory } from './ids.js';
export { FlowBuilder, ASYNC_TREE } from './flow.js';
export {
  CardHandle,
  FieldRef,
  isOutputRef,
  type FieldKey,
  type InputRef,
  type OutputRef,
  type Value,
} from './card.js';
export type { CardKind, FieldSpec } from '../cards/index.js';
export { helperFlowStart, addStartField } from './cards/callable.js';
export { apiEndpoint, addEndpointField } from './cards/api-endpoint.js';
export { returnCard, addReturnField, returnWith } from './cards/return.js';
export { returnRaw } from './cards/return-raw.js';
export { throwError } from './cards/throw.js';
export { throwIf } from './cards/throw-if.js';
export { continueIf } from './cards/continue-if.js';
export { assign } from './cards/assign.js';
export { assignIf } from './cards/assign-if.js';
export { IfElse } from './cards/if-else.js';
export { TryCatch } from './cards/try-catch.js';
export { callFlow, type CalledField } from './cards/call-flow.js';
export { compose, type ComposePart } from './cards/compose.js';
export { concat } from './cards/concat.js';
export { base64 } from './cards/base64.js';
export { find } from './cards/find.js';
export { construct, type ObjectField } from './cards/construct.js';
export { merge } from './cards/merge.js';
export { listConstruct, type ListItem } from './cards/list-construct.js';
export { flatten, getLastItem, listLength } from './cards/list-functions.js';
export { objectKeys, listToText } from './cards/keys-to-text.js';
export { paginate } from './cards/paginate.js';
export { mapList } from './cards/map.js';
export { textSegment } from './cards/segment.js';
export { toLowerCase, encodeQuery, pluck, split } from './cards/text-functions.js';
export { get } from './cards/get.js';
export { clearEmpty } from './cards/clear-empty.js';
export { jsonParse } from './cards/json-parse.js';
export { jsonStringify } from './cards/json-stringify.js';
export { urlEncode } from './cards/url-encode.js';
export { rawRequest, type RawRequestInputs } from './cards/raw-request.js';
export { oktaReadUser, type ProfileAttribute, type ReadUserCard } from './cards/okta-read-user.js';
export type { Condition } from './cards/operands.js';
