import type { Card, Flopack, IoField } from '../flopack/types.js';
import { cardKind } from './card-names.js';
import type { FlowGraph, Scope } from './flow-graph.js';
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

/** Describes one input of a card: pinned ("drag … from …"), a typed-in value, a chosen flow, or empty. */
export function describeInput(
  card: Card,
  field: IoField,
  scope: Scope,
  graph: FlowGraph,
  flopack: Flopack,
): FieldSource {
  const sources = scope.incoming.get(card.uuid)?.get(field.id) ?? [];
  if (sources.length > 0) {
    const from = sources.flatMap((s) => resolveOutput(s.card, s.outputId, scope, graph, 0));
    if (from.length > 0) return { how: 'drag', from };
  }
  const data = field.value.data;
  if (field.value.type === 'flo' && typeof data === 'string') {
    return { how: 'flow', flow: flopack.data.flos[data]?.name ?? data };
  }
  return staticValue(field.key, data, field.metadata.displayname);
}

export function staticValue(key: string, data: unknown, label?: string): FieldSource {
  if (data === null || data === undefined || data === '') return { how: 'empty' };
  if (typeof data === 'object' && Object.keys(data).length === 0) return { how: 'empty' };
  if (isCredentialName(key) || (label !== undefined && isCredentialName(label)))
    return { how: 'value', value: REDACTED };
  if (typeof data === 'string') return { how: 'value', value: data };
  return { how: 'value', value: JSON.stringify(redactObject(data)) };
}

/** Static objects (headers) may carry keys like Authorization: their values never reach the sheet. */
function redactObject(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(redactObject);
  if (data === null || typeof data !== 'object') return data;
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, isCredentialName(k) && v !== '' ? REDACTED : redactObject(v)]),
  );
}

function outputLabel(field: IoField | undefined, fallback: string): string {
  return field?.metadata.displayname ?? field?.key ?? fallback;
}

/** Follows hidden path cards (object:expand) and wormholes out of inline flows to the card a person drags from. */
function resolveOutput(
  card: Card,
  outputId: string,
  scope: Scope,
  graph: FlowGraph,
  depth: number,
): DragSource[] {
  const output = card.node.model.outputs?.data?.[outputId];
  if (depth > MAX_DEPTH) return [];
  if (cardKind(card.address) === 'object:expand' && card.node.model.displayed === false) {
    const path = (output?.metadata.path ?? []).join('.');
    const objectInput = Object.values(card.node.model.inputs?.data ?? {})[0];
    const upstream = objectInput ? (scope.incoming.get(card.uuid)?.get(objectInput.id) ?? []) : [];
    const src = objectInput?.metadata.srcMethodId;
    const bases =
      upstream.length > 0
        ? upstream.flatMap((u) => resolveOutput(u.card, u.outputId, scope, graph, depth + 1))
        : src && scope.cards.get(src)
          ? resolveOutput(
              scope.cards.get(src) as Card,
              String(objectInput?.metadata.srcOutputId ?? ''),
              scope,
              graph,
              depth + 1,
            )
          : [];
    return bases.map((b) => ({
      ...b,
      output: path ? `${b.output} › ${path.split('.').join(' › ')}` : b.output,
    }));
  }
  if (scope.root === card && scope.owner && output) {
    // A wormhole: the inline flow's start card re-exposes an input of the card that holds the flow.
    const owner = scope.owner;
    const ownerInput = Object.values(owner.card.node.model.inputs?.data ?? {}).find(
      (f) => f.key === output.key,
    );
    if (ownerInput) {
      const upstream = owner.scope.incoming.get(owner.card.uuid)?.get(ownerInput.id) ?? [];
      const resolved = upstream.flatMap((u) =>
        resolveOutput(u.card, u.outputId, owner.scope, graph, depth + 1),
      );
      if (resolved.length > 0) return resolved;
    }
    return [
      {
        output: outputLabel(output, outputId),
        card: owner.card.node.data.name,
        number: graph.numbers.get(owner.card.uuid),
      },
    ];
  }
  return [
    {
      output: outputLabel(output, outputId),
      card: card.node.data.name,
      number: graph.numbers.get(card.uuid),
    },
  ];
}
