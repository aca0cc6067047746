import type { Card, CardModel, IoField } from '../types.js';
import { addressTail, parseAddress, type CardAddress } from './address.js';
import { inlineFlows } from './inline.js';
import type {
  CardInfo,
  FieldInfo,
  FlopackReading,
  FlowInfo,
  FlowReading,
  InlineFlow,
  Scope,
} from './model.js';
import { isObject, objectOr, stringOr, type Json } from './tolerant.js';
import { ReadingCache } from './reading-cache.js';

/** Appends one JSON pointer segment (RFC 6901 escaping). */
export function childPointer(pointer: string, segment: string | number): string {
  const text = String(segment);
  // Almost no segment needs escaping: testing first skips two regex replacements per pointer.
  if (!NEEDS_ESCAPE.test(text)) return `${pointer}/${text}`;
  return `${pointer}/${text.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
const NEEDS_ESCAPE = /[~/]/;

const scopes = new ReadingCache<object, Scope>();

/**
 * One flo (a top-level flow's `data` or an inline flo) read on its own, cached per object: the simulator reads
 * each flo it runs once, however often it runs it.
 */
export function readFlo(data: object): Scope {
  let scope = scopes.get(data);
  if (!scope) {
    scope = readScope(data as Json, {
      flowId: stringOr((data as Json).uuid) ?? '',
      flowName: '',
      inline: false,
      pointer: '',
    });
  }
  return scope;
}

/**
 * Reads a whole flopack: its sections, every flow and every inline flo, depth first. Never throws: shapes that do
 * not fit are listed in `problems` and skipped. An inline flo that contains itself (a YAML anchor can do that) is
 * reported, not followed.
 */
export function readFlopack(root: unknown): FlopackReading {
  const data = isObject(root) && isObject(root.data) ? root.data : undefined;
  const flos = isObject(data?.flos) ? data.flos : {};
  const reading: FlopackReading = {
    root,
    data,
    flos,
    configs: objectOr(data?.configs),
    tables: objectOr(data?.tables),
    groups: objectOr(data?.groups),
    flows: [],
    scopes: [],
    problems: [],
  };
  const seen = new WeakSet<object>();
  for (const [id, flo] of Object.entries(flos)) {
    const flow = readFlow(id, flo, seen);
    if (flow.flow) reading.flows.push(flow.flow);
    for (const scope of flow.scopes) reading.scopes.push(scope);
    for (const problem of flow.problems) reading.problems.push(problem);
  }
  return reading;
}

/**
 * One top-level flow of `data.flos` read on its own (`id` is its key there), as readFlopack reads each flow: the
 * flow-by-flow lint reads a flow, checks it and drops it. `seen` holds the flos already walked (weakly), shared
 * across the flows of one file so that an inline flo reached again is reported as readFlopack reports it.
 */
export function readFlow(id: string, flo: unknown, seen: WeakSet<object> = new WeakSet()): FlowReading {
  const pointer = childPointer('/data/flos', id);
  const reading: FlowReading = { id, pointer, flow: undefined, scopes: [], problems: [] };
  if (!isObject(flo)) {
    reading.problems.push({ message: `flow ${id} is not an object`, pointer });
    return reading;
  }
  const flow: FlowInfo = { id, name: stringOr(flo.name) ?? id, flo, scope: undefined };
  reading.flow = flow;
  if (!isObject(flo.data)) {
    reading.problems.push({ message: 'the flow has no `data` object', pointer, flow });
    return reading;
  }
  const head = { flowId: id, flowName: flow.name, inline: false, pointer: childPointer(pointer, 'data') };
  flow.scope = walkScope(reading, seen, flo.data, head);
  return reading;
}

type ScopeHead = Pick<Scope, 'flowId' | 'flowName' | 'inline' | 'pointer' | 'owner'>;

function walkScope(
  reading: Pick<FlowReading, 'scopes' | 'problems'>,
  seen: WeakSet<object>,
  data: Json,
  head: ScopeHead,
): Scope {
  seen.add(data);
  const scope = readScope(data, head);
  reading.scopes.push(scope);
  const methods = childPointer(scope.pointer, 'methods');
  if (scope.noMethods) {
    reading.problems.push({
      message: '`methods` (the list of cards) is missing or not a list',
      pointer: methods,
      scope,
    });
  }
  for (const index of scope.notCards) {
    reading.problems.push({
      message: `card #${index + 1} is not an object`,
      pointer: childPointer(methods, index),
      scope,
    });
  }
  // Inline scopes come after their parent's cards, so reports read top-down.
  for (const card of scope.cards) {
    for (const inline of inlineFlows(card)) {
      const pointer = inlinePointer(card, inline);
      if (seen.has(inline.data)) {
        reading.problems.push({ message: 'an inline flo contains itself', pointer, owner: card });
        continue;
      }
      walkScope(reading, seen, inline.data, inlineHead(card, inline, pointer));
    }
  }
  return scope;
}

function inlineHead(card: CardInfo, inline: InlineFlow, pointer = inlinePointer(card, inline)): ScopeHead {
  const { flowId, flowName } = card.scope;
  return { flowId, flowName, inline: true, pointer, owner: { card, inline } };
}

/** An inline flo of a card, read as a scope that knows its owner (cached per flo object, like readFlo). */
export function readInline(card: CardInfo, inline: InlineFlow): Scope {
  const cached = scopes.get(inline.data);
  return cached?.owner?.card === card ? cached : readScope(inline.data, inlineHead(card, inline));
}

/** JSON pointer of a card within its scope. */
export function cardPointer(card: CardInfo): string {
  return childPointer(childPointer(card.scope.pointer, 'methods'), card.index);
}

/** JSON pointer of an input or output field. */
export function fieldPointer(card: CardInfo, field: FieldInfo): string {
  return childPointer(`${cardPointer(card)}/node/model/${field.side}s/data`, field.id);
}

function inlinePointer(card: CardInfo, inline: InlineFlow): string {
  return inline.field
    ? childPointer(childPointer(fieldPointer(card, inline.field), 'value'), 'data')
    : `${cardPointer(card)}/node/model/policy/error/flo`;
}

function readScope(data: Json, head: ScopeHead): Scope {
  // The same keys in the same order for every scope (`owner` too, undefined for a flow's own): one shape of scope
  // reaches the rules and the graph, not two.
  const scope: Scope = {
    flowId: head.flowId,
    flowName: head.flowName,
    inline: head.inline,
    pointer: head.pointer,
    owner: head.owner,
    data,
    cards: [],
    byUuid: new Map(),
    noMethods: false,
    notCards: [],
  };
  scopes.set(data, scope);
  const methods = data.methods;
  if (!Array.isArray(methods)) {
    scope.noMethods = true;
    return scope;
  }
  for (let index = 0; index < methods.length; index++) {
    const raw: unknown = methods[index];
    if (!isObject(raw)) {
      scope.notCards.push(index);
      continue;
    }
    const card = readCard(raw, index, scope);
    scope.cards.push(card);
    if (!scope.byUuid.has(card.uuid)) scope.byUuid.set(card.uuid, card);
  }
  return scope;
}

/**
 * Addresses read so far: a file has thousands of cards but a few dozen card kinds, so each address is parsed once.
 * The parts are frozen since cards share them. Bounded, for a process that reads many hand-edited files.
 */
const addresses = new Map<string, { parts: CardAddress | undefined; tail: string }>();

function readAddress(address: string): { parts: CardAddress | undefined; tail: string } {
  let read = addresses.get(address);
  if (!read) {
    const parts = parseAddress(address);
    read = { parts: parts && Object.freeze(parts), tail: addressTail(address) };
    if (addresses.size >= 10_000) addresses.clear();
    addresses.set(address, read);
  }
  return read;
}

const NO_FIELDS: readonly FieldInfo[] = Object.freeze([]);

function readCard(raw: Json, index: number, scope: Scope): CardInfo {
  const node = objectOr(raw.node);
  const model = isObject(node.model) ? node.model : undefined;
  const address = stringOr(raw.address) ?? '';
  const { parts, tail } = readAddress(address);
  const floInputs: FieldInfo[] = [];
  const card: CardInfo = {
    index,
    uuid: stringOr(raw.uuid) ?? '?',
    address,
    parts,
    tail,
    name:
      stringOr(objectOr(node.data).name) ??
      stringOr(objectOr(model?.metadata).name) ??
      address.split(':').pop() ??
      '?',
    card: raw as unknown as Card,
    model: model as CardModel | undefined,
    inputs: readFields(model, 'input', floInputs),
    outputs: readFields(model, 'output'),
    floInputs: floInputs.length ? floInputs : NO_FIELDS,
    scope,
  };
  return card;
}

/** The fields of one side of a card; those whose value is a flo are also added to `flo`. */
function readFields(
  model: Json | undefined,
  side: 'input' | 'output',
  flo?: FieldInfo[],
): Map<string, FieldInfo> {
  const fields = new Map<string, FieldInfo>();
  const io = model?.[side === 'input' ? 'inputs' : 'outputs'];
  const data = isObject(io) ? io.data : undefined;
  if (!isObject(data)) return fields;
  // Keys, then reads: a generated card's fields are a dictionary-mode object (builder/ids.ts byId), where
  // Object.entries takes about twice as long and makes a pair per field.
  for (const id of Object.keys(data)) {
    const field = data[id];
    if (!isObject(field)) continue;
    const info: FieldInfo = {
      id,
      side,
      key: stringOr(field.key) ?? '',
      group: stringOr(field.group) ?? null,
      field: field as unknown as IoField,
    };
    fields.set(id, info);
    const value = field.value;
    if (flo && isObject(value) && value.type === 'flo') flo.push(info);
  }
  return fields;
}

/** The fields as a card shows them: in `metadata.index` order (stored order breaks ties). */
export function inIndexOrder(fields: Map<string, FieldInfo>): IoField[] {
  return [...fields.values()]
    .map((f) => f.field)
    .sort((a, b) => (a.metadata?.index ?? 0) - (b.metadata?.index ?? 0));
}
