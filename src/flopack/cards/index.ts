/**
 * The card catalogue: one file per card kind (its address, name, fields, envelope and simulator semantics) and this
 * registry. Adding a kind is one file and one line below. The builder writes kinds by their name here, the
 * simulator dispatches on `tail`, the build sheet names cards with `personName`, and the tests build cards from it.
 */
import { parseAddress } from '../read/address.js';
import type { CardHandler } from '../semantics/context.js';
import type { BuildableCard, CardDefinition } from './definition.js';
import { personName } from './definition.js';
import { assignCard } from './control/assign.js';
import { assignIfCard } from './control/assign-if.js';
import { callFlowCard } from './control/call-flow.js';
import { paginateCard } from './http-functions/paginate.js';
import { cursorCard } from './control/cursor.js';
import { callFlowAsyncCard } from './control/call-flow-async.js';
import { commentCard } from './control/comment.js';
import { continueIfCard } from './control/continue-if.js';
import { helperFlowCard } from './control/helper-flow.js';
import { ifElseCard } from './control/if-else.js';
import { ifElseIfCard } from './control/if-else-if.js';
import { ifErrorCard } from './control/if-error.js';
import { joinCard } from './control/join.js';
import { lookupCard } from './control/lookup.js';
import { noopCard } from './control/noop.js';
import { returnCard } from './control/return.js';
import { returnErrorCard } from './control/return-error.js';
import { returnErrorIfCard } from './control/return-error-if.js';
import { returnRawCard } from './control/return-raw.js';
import { apiEndpointCard } from './http/api-endpoint.js';
import { delegatedFlowCard } from './http/delegated-flow.js';
import { httpCloseCard } from './http-functions/close.js';
import { httpDeleteCard } from './http-functions/delete.js';
import { httpGetCard } from './http-functions/get.js';
import { httpPatchCard } from './http-functions/patch.js';
import { httpPostCard } from './http-functions/post.js';
import { httpPutCard } from './http-functions/put.js';
import { rawRequestCard } from './http-functions/raw-request.js';
import { jsonParseCard } from './json/parse.js';
import { jsonStringifyCard } from './json/stringify.js';
import { listAtCard } from './list/at.js';
import { listConstructCard } from './list/construct.js';
import { flattenCard } from './list/flatten.js';
import { forEachCard } from './list/for-each.js';
import { forEachIgnoreErrorsCard } from './list/for-each-ignore-errors.js';
import { listLengthCard } from './list/length.js';
import { mapCard } from './list/map.js';
import { pluckCard } from './list/pluck.js';
import { popCard } from './list/pop.js';
import { shiftCard } from './list/shift.js';
import { clearEmptyCard } from './object/clear-empty.js';
import { constructCard } from './object/construct.js';
import { getCard } from './object/get.js';
import { getMultipleCard } from './object/get-multiple.js';
import { keysCard } from './object/keys.js';
import { listToTextCard } from './list/join.js';
import { mergeCard } from './object/merge.js';
import { pathCard } from './object/path.js';
import { setCard } from './object/set.js';
import { valuesCard } from './object/values.js';
import { oktaReadUserCard } from './okta/read-user.js';
import { base64Card } from './string/base64.js';
import { base64DecodeCard } from './string/base64-decode.js';
import { composeCard } from './string/compose.js';
import { concatenateCard } from './string/concatenate.js';
import { findCard } from './string/find.js';
import { textLengthCard } from './string/length.js';
import { replaceCard } from './string/replace.js';
import { splitCard } from './string/split.js';
import { textAtCard } from './string/text-at.js';
import { textSegmentCard } from './string/segment.js';
import { toLowerCaseCard } from './string/to-lower-case.js';
import { toUpperCaseCard } from './string/to-upper-case.js';
import { trimCard } from './string/trim.js';
import { decodeComponentCard } from './url/decode-component.js';
import { encodeComponentCard } from './url/encode-component.js';
import { encodeQueryCard } from './url/encode-query.js';

/** Every kind, by the name the builder and the tests use. */
export const CARDS = {
  callable: helperFlowCard,
  accept: apiEndpointCard,
  delegated: delegatedFlowCard,
  return: returnCard,
  returnRaw: returnRawCard,
  throw: returnErrorCard,
  throwIf: returnErrorIfCard,
  continueIf: continueIfCard,
  tryCatch: ifErrorCard,
  if: ifElseCard,
  branch: ifElseIfCard,
  noop: noopCard,
  comment: commentCard,
  join: joinCard,
  spawn: callFlowCard,
  callFlowAsync: callFlowAsyncCard,
  let: assignCard,
  assignIf: assignIfCard,
  lookup: lookupCard,
  compose: composeCard,
  concat: concatenateCard,
  base64: base64Card,
  base64Decode: base64DecodeCard,
  find: findCard,
  toLowerCase: toLowerCaseCard,
  toUpperCase: toUpperCaseCard,
  trim: trimCard,
  split: splitCard,
  textAt: textAtCard,
  textSegment: textSegmentCard,
  textLength: textLengthCard,
  replace: replaceCard,
  construct: constructCard,
  merge: mergeCard,
  get: getCard,
  getMultiple: getMultipleCard,
  set: setCard,
  expand: pathCard,
  keys: keysCard,
  listToText: listToTextCard,
  values: valuesCard,
  clearEmpty: clearEmptyCard,
  forEach: forEachCard,
  forEachIgnoreErrors: forEachIgnoreErrorsCard,
  map: mapCard,
  listLength: listLengthCard,
  pop: popCard,
  shift: shiftCard,
  pluck: pluckCard,
  flatten: flattenCard,
  listConstruct: listConstructCard,
  listAt: listAtCard,
  jsonParse: jsonParseCard,
  jsonStringify: jsonStringifyCard,
  urlEncode: encodeComponentCard,
  encodeQuery: encodeQueryCard,
  urlDecode: decodeComponentCard,
  rawRequest: rawRequestCard,
  cursor: cursorCard,
  paginate: paginateCard,
  httpGet: httpGetCard,
  httpPost: httpPostCard,
  httpPut: httpPutCard,
  httpPatch: httpPatchCard,
  httpDelete: httpDeleteCard,
  httpClose: httpCloseCard,
  readUser: oktaReadUserCard,
} satisfies Record<string, CardDefinition>;

type Cards = typeof CARDS;

/** The kinds the builder can write: those with an envelope (and, by BuildableCard, semantics). */
export type CardKind = { [K in keyof Cards]: Cards[K] extends { envelope: object } ? K : never }[keyof Cards];

/** The definition of a kind the builder writes. */
export function buildable(kind: CardKind): BuildableCard {
  return CARDS[kind] as BuildableCard;
}

/** Every buildable kind's name, in registry order. */
export const CARD_KINDS: readonly CardKind[] = (Object.keys(CARDS) as Array<keyof Cards>).filter(
  (k): k is CardKind => 'envelope' in CARDS[k],
);

const BY_TAIL: ReadonlyMap<string, CardDefinition> = new Map(
  Object.values(CARDS).map((d: CardDefinition) => [d.tail, d]),
);

/** The definition of the kind at `tail` (`control:if`), if the catalogue knows it. */
export function cardDefinition(tail: string): CardDefinition | undefined {
  return BY_TAIL.get(tail);
}

/** What the simulator runs by default: every kind with semantics that is not opt-in, by tail. */
export const BUILTIN_CARDS: ReadonlyMap<string, CardHandler> = new Map(
  Object.values(CARDS).flatMap((d: CardDefinition) => (d.run && !d.optIn ? [[d.tail, d.run] as const] : [])),
);

/** Connector cards the simulator runs only when given as `extraCards` (they call a service), by tail. */
export const OPT_IN_CARDS: Readonly<Record<string, CardHandler>> = Object.fromEntries(
  Object.values(CARDS).flatMap((d: CardDefinition) => (d.run && d.optIn ? [[d.tail, d.run] as const] : [])),
);

/** Apps of kernel modules the catalogue has no card for (the console's "<App> <Card>" names, reference §2.5). */
const MODULE_APPS: Record<string, string> = {
  string: 'Text',
  object: 'Object',
  list: 'List',
  json: 'JSON',
  math: 'Number',
  date: 'Date & Time',
  boolean: 'True/False',
  url: 'URL',
  crypto: 'Crypto',
  jwt: 'JWT',
  utility: 'Utility',
  control: 'Flow Control',
};

/**
 * The name a person sees for a card's kind, as Connector Builder shows it: "Text - Compose", "HTTP - Raw Request",
 * "Flow Control - Call Flow" (reference §2.5 steps 5–6; Okta's Slack walkthrough). Kinds the catalogue does not know are named from their
 * address; addresses of no known shape come back as they are.
 */
export function cardTypeName(address: string): string {
  const parsed = parseAddress(address);
  if (!parsed) return address;
  const known = BY_TAIL.get(parsed.tail);
  if (known) return personName(known);
  if (parsed.family === 'channel') {
    return parsed.module === 'httpfunctions' ? `HTTP - ${parsed.key}` : `${parsed.module} - ${parsed.key}`;
  }
  if (parsed.module === 'http') return parsed.key;
  return `${MODULE_APPS[parsed.module] ?? parsed.module} - ${parsed.key}`;
}

export type { BuildableCard, CardDefinition, CardEnvelope } from './definition.js';
export { addressOf, personName } from './definition.js';
export type { FieldSpec } from './field-spec.js';

/** Compile-time exhaustiveness: a kind the builder can write must have semantics the simulator runs. */
type WithoutSemantics = { [K in CardKind]: Cards[K] extends { run: CardHandler } ? never : K }[CardKind];
export const EVERY_BUILDABLE_KIND_RUNS: [WithoutSemantics] extends [never] ? true : WithoutSemantics = true;
