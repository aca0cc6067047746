import { boundedMemo } from '../util/bounded-memo.js';
import { graphOf, type CardInfo } from '../flopack/read/index.js';
import type { Flopack, IoField } from '../flopack/types.js';
import type { FlowGraph } from './flow-graph.js';
import { isCredentialName, REDACTED } from './credentials.js';

/** Where an input's value comes from, in the words of the console. */
export type FieldSource =
  | { how: 'drag'; from: DragSource[] }
  | { how: 'value'; value: string }
  | { how: 'flow'; flow: string }
  | { how: 'empty' };

export interface DragSource {
  /** Output label, with a path for dotted access: "Body › sid". */
  output: string;
  /** The card it is on, by its name in the flow. */
  card: string;
  /** Its step number in the build sheet, when visible. */
  number?: string;
}

const MAX_DEPTH = 20;

/** Each flow's name by its flo id: a card that chooses a flow shows it by name. */
export type FlowNames = ReadonlyMap<string, string>;

export function flowNamesOf(flopack: Flopack): FlowNames {
  return new Map(Object.entries(flopack.data.flos).map(([id, flo]) => [id, flo.name] as const));
}

/** Describes one input of a card: pinned ("drag … from …"), a typed-in value, a chosen flow, or empty. */
export function describeInput(
  card: CardInfo,
  field: IoField,
  graph: FlowGraph,
  flowNames: FlowNames,
): FieldSource {
  return describeInputs(card, [field], graph, flowNames)[0]!;
}

/** `describeInput` of several inputs of one card (its pins looked up once). */
export function describeInputs(
  card: CardInfo,
  fields: readonly IoField[],
  graph: FlowGraph,
  flowNames: FlowNames,
): FieldSource[] {
  const pinned = fields.length > 0 ? graphOf(card.scope).incoming.get(card.uuid) : undefined;
  // By push, not map: see sheet-model.ts listOf (a holey list threw away the build sheet's optimized code).
  const sources: FieldSource[] = [];
  for (const field of fields) sources.push(describeOne(field, pinned?.get(field.id), graph, flowNames));
  return sources;
}

function describeOne(
  field: IoField,
  sources: ReadonlyArray<{ card: CardInfo; outputId: string }> | undefined,
  graph: FlowGraph,
  flowNames: FlowNames,
): FieldSource {
  if (sources !== undefined && sources.length > 0) {
    const from = resolveEach(sources, graph, 0, []);
    if (from.length > 0) return { how: 'drag', from };
  }
  const data = field.value.data;
  if (field.value.type === 'flo' && typeof data === 'string') {
    return { how: 'flow', flow: flowNames.get(data) ?? data };
  }
  return staticValue(field.key, data, field.metadata.displayname);
}

export function staticValue(key: string, data: unknown, label?: string): FieldSource {
  if (data === null || data === undefined || data === '') return { how: 'empty' };
  if (typeof data === 'object' && Object.keys(data).length === 0) return { how: 'empty' };
  if (namesCredential(key) || (label !== undefined && namesCredential(label)))
    return { how: 'value', value: REDACTED };
  if (typeof data === 'string') return { how: 'value', value: data };
  return { how: 'value', value: JSON.stringify(holdsCredential(data) ? redactObject(data) : data) };
}

/**
 * Whether `redactObject` would change anything: a key named like a credential with a value. Most static objects
 * (headers, bodies) hold none and are shown as they are, not copied key by key first.
 */
function holdsCredential(data: unknown): boolean {
  if (data === null || typeof data !== 'object') return false;
  if (Array.isArray(data)) return data.some(holdsCredential);
  const object = data as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (redactsEntry(key, value) || holdsCredential(value)) return true;
  }
  return false;
}

/** Whether a static object's entry is shown redacted: a key named like a credential, with a value. */
function redactsEntry(key: string, value: unknown): boolean {
  return value !== '' && namesCredential(key);
}

/** isCredentialName, remembered: the same few field keys and labels come back on every flow. */
const namesCredential = boundedMemo(isCredentialName);

/** Static objects (headers) may carry keys like Authorization: their values never reach the sheet. */
function redactObject(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(redactObject);
  if (data === null || typeof data !== 'object') return data;
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, redactsEntry(k, v) ? REDACTED : redactObject(v)]),
  );
}

/**
 * Where each of `sources` is dragged from, in order, added to `into`. One list filled in place, with no list per
 * step: lists of differing kinds (literals, maps, empty ones) made the card walk's optimized code throw itself away,
 * and flatMap was a tenth of it.
 */
function resolveEach(
  sources: ReadonlyArray<{ card: CardInfo; outputId: string }>,
  graph: FlowGraph,
  depth: number,
  into: DragSource[],
): DragSource[] {
  for (const s of sources) resolveOutput(s.card, s.outputId, graph, depth, into);
  return into;
}

function outputLabel(field: IoField | undefined, fallback: string): string {
  return field?.metadata.displayname ?? field?.key ?? fallback;
}

/** Follows hidden path cards (object:expand) and wormholes out of inline flows to the card a person drags from. */
function resolveOutput(
  card: CardInfo,
  outputId: string,
  graph: FlowGraph,
  depth: number,
  into: DragSource[],
): void {
  const output = card.outputs.get(outputId)?.field;
  if (depth > MAX_DEPTH) return;
  const { scope } = card;
  if (card.parts?.family === 'kernel' && card.tail === 'object:expand' && card.model?.displayed === false) {
    const incoming = graphOf(scope).incoming;
    const path = (output?.metadata.path ?? []).join('.');
    const objectInput = card.inputs.values().next().value?.field;
    const upstream = objectInput ? (incoming.get(card.uuid)?.get(objectInput.id) ?? []) : [];
    const src = objectInput?.metadata.srcMethodId;
    const source = src ? scope.byUuid.get(src) : undefined;
    const first = into.length;
    if (upstream.length > 0) resolveEach(upstream, graph, depth + 1, into);
    else if (source) {
      const sourceOutput = String(objectInput?.metadata.srcOutputId ?? '');
      resolveOutput(source, sourceOutput, graph, depth + 1, into);
    }
    if (!path) return;
    // The path this card reads, after the output of each source just found (made here, for this drag only).
    const shown = ` › ${path.replaceAll('.', ' › ')}`;
    for (let i = first; i < into.length; i++) into[i]!.output += shown;
    return;
  }
  const owner = scope.owner?.card;
  let from = card;
  if (owner && card === graphOf(scope).start && output) {
    // A wormhole: the inline flow's start card re-exposes an input of the card that holds the flow.
    const ownerInput = [...owner.inputs.values()].find((f) => f.key === output.key);
    if (ownerInput) {
      const upstream = graphOf(owner.scope).incoming.get(owner.uuid)?.get(ownerInput.id) ?? [];
      const before = into.length;
      resolveEach(upstream, graph, depth + 1, into);
      if (into.length > before) return;
    }
    from = owner;
  }
  // Each key written out: every drag source has one shape.
  into.push({
    output: outputLabel(output, outputId),
    card: graph.names.get(from) ?? from.name,
    number: graph.numbers.get(from),
  });
}
