import type { Card, Flo, FloInline, IoField } from '../flopack/types.js';
import { cardKind, cardTypeName } from './card-names.js';

/**
 * One reading of a flow, shared by the build sheet, the Mermaid writer and the SVG drawer: its visible cards in
 * execution order, with If/Else branches, If Error try/error flows and other inline flows as side-by-side lanes.
 * Execution order is the topological order of `orderings` (reference §1.6), ties broken by position in `methods`.
 */
export interface FlowGraph {
  floId: string;
  name: string;
  description: string;
  steps: GraphNode[];
  /** The event card (no incoming ordering), if any. */
  start?: Card;
  scope: Scope;
  /** Card uuid → its step number ("3", "4.1.2"), for every visible card at any depth. */
  numbers: Map<string, string>;
}

export interface GraphNode {
  card: Card;
  scope: Scope;
  /** Step number: "3" at the top level, "4.2.1" = lane 2 of card 4, first card. */
  number: string;
  name: string;
  /** Human card type, e.g. "Text Compose". */
  type: string;
  lanes: GraphLane[];
}

export interface GraphLane {
  label: string;
  steps: GraphNode[];
}

/** Cards of one flo (the flow itself or an inline flo) and the bindings between them. */
export interface Scope {
  cards: Map<string, Card>;
  /** Target card uuid → target input id → where its value is pinned from. */
  incoming: Map<string, Map<string, Array<{ card: Card; outputId: string }>>>;
  /** The card that holds this inline flo, and that card's scope. */
  owner?: { card: Card; scope: Scope };
  /** The start card of an inline flo (its Helper Flow), hidden in the console. */
  root?: Card;
}

export function buildFlowGraph(flo: Flo): FlowGraph {
  const numbers = new Map<string, string>();
  const scope = makeScope(flo.data.methods, undefined);
  const ordered = executionOrder(flo.data.methods, flo.data.orderings);
  const steps = structure(ordered, scope, flo.data.orderings, '', numbers);
  return {
    floId: flo.id,
    name: flo.name,
    description: flo.description,
    steps,
    start: ordered[0],
    scope,
    numbers,
  };
}

/** Every visible card of the graph, depth first, in step order. */
export function flattenGraph(steps: readonly GraphNode[]): GraphNode[] {
  const out: GraphNode[] = [];
  const walk = (list: readonly GraphNode[]) => {
    for (const node of list) {
      out.push(node);
      for (const lane of node.lanes) walk(lane.steps);
    }
  };
  walk(steps);
  return out;
}

function makeScope(methods: Card[], owner: Scope['owner']): Scope {
  const cards = new Map(methods.map((c) => [c.uuid, c] as const));
  const incoming: Scope['incoming'] = new Map();
  for (const card of methods) {
    for (const [outputId, targets] of Object.entries(card.pins ?? {})) {
      for (const [target, pins] of Object.entries(targets)) {
        let byInput = incoming.get(target);
        if (!byInput) incoming.set(target, (byInput = new Map()));
        for (const pin of pins) {
          const list = byInput.get(pin.input) ?? [];
          list.push({ card, outputId });
          byInput.set(pin.input, list);
        }
      }
    }
  }
  return { cards, incoming, owner };
}

/** Kahn's algorithm over `orderings`; If/Else branch heads hang off their If/Else card; cycles fall back to methods order. */
export function executionOrder(methods: Card[], orderings: Record<string, [string, string]>): Card[] {
  const index = new Map(methods.map((c, i) => [c.uuid, i] as const));
  const next = new Map<string, Set<string>>();
  const indegree = new Map<string, number>(methods.map((c) => [c.uuid, 0]));
  const addEdge = (from: string, to: string) => {
    if (from === to || !index.has(from) || !index.has(to)) return;
    const set = next.get(from) ?? new Set<string>();
    if (set.has(to)) return;
    set.add(to);
    next.set(from, set);
    indegree.set(to, (indegree.get(to) ?? 0) + 1);
  };
  for (const card of methods) for (const head of Object.keys(card.branches ?? {})) addEdge(card.uuid, head);
  for (const [from, to] of Object.values(orderings)) addEdge(from, to);
  const ready = methods.filter((c) => indegree.get(c.uuid) === 0).map((c) => c.uuid);
  const out: Card[] = [];
  const done = new Set<string>();
  while (ready.length > 0) {
    ready.sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
    const id = ready.shift() as string;
    done.add(id);
    out.push(methods[index.get(id) as number] as Card);
    for (const to of next.get(id) ?? []) {
      const left = (indegree.get(to) ?? 0) - 1;
      indegree.set(to, left);
      if (left === 0) ready.push(to);
    }
  }
  for (const card of methods) if (!done.has(card.uuid)) out.push(card);
  return out;
}

function isHidden(card: Card, scope: Scope, branchHeads: Set<string>): boolean {
  return card.node.model.displayed === false || branchHeads.has(card.uuid) || card === scope.root;
}

function structure(
  ordered: Card[],
  scope: Scope,
  orderings: Record<string, [string, string]>,
  prefix: string,
  numbers: Map<string, string>,
): GraphNode[] {
  const branchHeads = new Set(ordered.flatMap((c) => Object.keys(c.branches ?? {})));
  const consumed = new Set<string>();
  const steps: GraphNode[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const card = ordered[i] as Card;
    if (consumed.has(card.uuid) || isHidden(card, scope, branchHeads)) continue;
    const number = `${prefix}${steps.length + 1}`;
    numbers.set(card.uuid, number);
    const node: GraphNode = {
      card,
      scope,
      number,
      name: card.node.data.name,
      type: cardTypeName(card.address),
      lanes: [],
    };
    steps.push(node);
    const heads = Object.entries(card.branches ?? {});
    if (heads.length > 0) {
      const rest = ordered.slice(i + 1).filter((c) => !consumed.has(c.uuid));
      const lanes = branchLanes(heads, rest, orderings);
      node.lanes = lanes.map((lane, l) => {
        for (const c of lane.cards) consumed.add(c.uuid);
        return {
          label: lane.label,
          steps: structure(lane.cards, scope, orderings, `${number}.${l + 1}.`, numbers),
        };
      });
    } else {
      node.lanes = inlineLanes(card, scope).map((lane, l) => ({
        label: lane.label,
        steps: structure(lane.ordered, lane.scope, lane.orderings, `${number}.${l + 1}.`, numbers),
      }));
    }
  }
  return steps;
}

/** If/Else: each lane is what its branch head reaches before the first card both heads reach (the Join). */
function branchLanes(
  heads: Array<[string, boolean]>,
  rest: Card[],
  orderings: Record<string, [string, string]>,
): Array<{ label: string; cards: Card[] }> {
  const next = new Map<string, string[]>();
  for (const [from, to] of Object.values(orderings)) {
    if (from !== to) next.set(from, [...(next.get(from) ?? []), to]);
  }
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) {
      const id = stack.pop() as string;
      for (const to of next.get(id) ?? []) if (!seen.has(to)) (seen.add(to), stack.push(to));
    }
    return seen;
  };
  const sorted = [...heads].sort((a, b) => Number(b[1]) - Number(a[1]));
  const reached = sorted.map(([head]) => reach(head));
  const join = rest.find((c) => reached.every((r) => r.has(c.uuid)));
  const after = join ? new Set([join.uuid, ...reach(join.uuid)]) : new Set<string>();
  return sorted.map(([, value], k) => ({
    label: value ? 'True' : 'False',
    cards: rest.filter((c) => reached[k]?.has(c.uuid) && !after.has(c.uuid)),
  }));
}

interface InlineLane {
  label: string;
  ordered: Card[];
  scope: Scope;
  orderings: Record<string, [string, string]>;
}

const GROUP_LABELS: Record<string, string> = { if: 'If', else: 'Else' };

/** If Error (try flo + error flo), If/ElseIf (one flo per group), inline For Each flos (reference §1.6). */
function inlineLanes(card: Card, scope: Scope): InlineLane[] {
  const lanes: InlineLane[] = [];
  const kind = cardKind(card.address);
  const add = (label: string, flo: FloInline) => {
    const methods = Array.isArray(flo.methods) ? flo.methods : [];
    const orderings = flo.orderings ?? {};
    const inner = makeScope(methods, { card, scope });
    const ordered = executionOrder(methods, orderings);
    inner.root = ordered[0];
    lanes.push({ label, ordered, scope: inner, orderings });
  };
  const floInputs = Object.values(card.node.model.inputs?.data ?? {}).filter(
    (f: IoField) => f.value.type === 'flo' && typeof f.value.data === 'object' && f.value.data !== null,
  );
  for (const field of floInputs) {
    const label =
      kind === 'control:tryCatch'
        ? 'Try'
        : kind === 'control:branch'
          ? (GROUP_LABELS[field.group ?? ''] ?? 'Else If')
          : 'Each item';
    add(label, field.value.data as FloInline);
  }
  const policy = card.node.model.policy?.error;
  if (policy && policy.type === 'handler' && policy.flo) add('If Error', policy.flo);
  return lanes;
}
