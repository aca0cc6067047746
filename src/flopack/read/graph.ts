import type { Transform } from '../types.js';
import { isKernelAddress } from './address.js';
import type { CardInfo, Scope } from './model.js';
import { isObject, objectOr, stringOr } from './tolerant.js';

/** An ordering as stored: `orderings[key] = [from, to]` (reference §1.6). */
export interface OrderingEdge {
  key: string;
  from: string;
  to: string;
}

/** A pin between two cards of one scope: an output of `from` feeds input `inputId` of `to`. */
export interface PinLink {
  from: CardInfo;
  outputId: string;
  to: CardInfo;
  inputId: string;
  transform: Transform | null;
}

/**
 * The execution structure of one scope (reference §1.6): orderings, If/Else branch heads, where it starts, the order
 * cards run in, and the pins between cards.
 */
export interface ScopeGraph {
  /** Every well-formed `[from, to]` ordering, as stored (self-loops and stale uuids included). */
  edges: OrderingEdge[];
  /** If/Else branch heads (noop cards named in some card's `branches`): head uuid → the If card and its branch. */
  heads: Map<string, { ifCard: CardInfo; value: boolean }>;
  /**
   * The importer's start cards (reference §1.11 #11): no ordering leads to them and they are not branch heads. A
   * valid scope has exactly one.
   */
  roots: CardInfo[];
  /** Execution edges by card index: orderings between cards of the scope (no self-loops) plus If → branch head. */
  next: Map<CardInfo, CardInfo[]>;
  previous: Map<CardInfo, CardInfo[]>;
  /**
   * Where execution begins: among cards with no execution predecessor, an event card (Helper Flow, API Endpoint),
   * else a connector card (a connector event), else a Noop, else the first.
   */
  start: CardInfo | undefined;
  /** Topological order of the execution edges; ties keep `methods` order. */
  order: CardInfo[];
  /** Cards a cycle keeps out of `order`, in `methods` order. */
  stuck: CardInfo[];
  /** Why the scope cannot run (no start card, a cycle), or undefined. */
  problem: string | undefined;
  /** Pins whose target is a card of the scope, in stored order. */
  pins: PinLink[];
  /** Target card uuid → target input id → where it is pinned from. */
  incoming: Map<string, Map<string, Array<{ card: CardInfo; outputId: string }>>>;
}

/** Cards that start a flow. */
const EVENT_TAILS = new Set(['control:callable', 'http:accept', 'http:delegated']);

const graphs = new WeakMap<Scope, ScopeGraph>();

/** The graph of a scope, built once per scope. */
export function graphOf(scope: Scope): ScopeGraph {
  let graph = graphs.get(scope);
  if (!graph) graphs.set(scope, (graph = buildGraph(scope)));
  return graph;
}

/** The scope's single importer start card, or undefined when it has none or several. */
export function singleRoot(scope: Scope | undefined): CardInfo | undefined {
  if (!scope) return undefined;
  const { roots } = graphOf(scope);
  return roots.length === 1 ? roots[0] : undefined;
}

/** The cards in the order they run, cards caught in a cycle last (the build sheet shows every card). */
export function executionOrder(scope: Scope): CardInfo[] {
  const graph = graphOf(scope);
  return [...graph.order, ...graph.stuck];
}

function buildGraph(scope: Scope): ScopeGraph {
  const { cards, byUuid } = scope;
  const edges = orderingEdges(scope);
  const heads = new Map<string, { ifCard: CardInfo; value: boolean }>();
  for (const card of cards) {
    for (const [head, value] of Object.entries(objectOr(card.card.branches))) {
      if (!heads.has(head)) heads.set(head, { ifCard: card, value: value === true });
    }
  }
  const incomingOrdering = new Set(edges.map((e) => e.to));
  const roots = [...byUuid.values()].filter((c) => !incomingOrdering.has(c.uuid) && !heads.has(c.uuid));

  // Execution edges: duplicates and self-loops dropped (expand cards carry self-loops, reference §1.6).
  const position = new Map(cards.map((c, i) => [c, i] as const));
  const next = new Map(cards.map((c) => [c, [] as CardInfo[]] as const));
  const previous = new Map(cards.map((c) => [c, [] as CardInfo[]] as const));
  const seen = new Set<string>();
  const link = (a: CardInfo, b: CardInfo): void => {
    const k = `${a.index}>${b.index}`;
    if (a === b || seen.has(k)) return;
    seen.add(k);
    next.get(a)!.push(b);
    previous.get(b)!.push(a);
  };
  for (const edge of edges) {
    const a = byUuid.get(edge.from);
    const b = byUuid.get(edge.to);
    if (a && b) link(a, b);
  }
  for (const [head, { ifCard }] of heads) {
    const h = byUuid.get(head);
    if (h) link(ifCard, h);
  }

  const sources = cards.filter((c) => previous.get(c)!.length === 0);
  const start =
    sources.find((c) => EVENT_TAILS.has(c.tail)) ??
    sources.find((c) => !isKernelAddress(c.address)) ??
    sources.find((c) => c.tail === 'control:noop') ??
    sources[0];

  const order: CardInfo[] = [];
  const degree = new Map(cards.map((c) => [c, previous.get(c)!.length] as const));
  const ready = [...sources];
  while (ready.length) {
    ready.sort((x, y) => position.get(x)! - position.get(y)!);
    const card = ready.shift()!;
    order.push(card);
    for (const m of next.get(card)!) {
      const left = degree.get(m)! - 1;
      degree.set(m, left);
      if (left === 0) ready.push(m);
    }
  }
  const stuck = cards.filter((c) => degree.get(c)! > 0);
  let problem: string | undefined;
  if (cards.length && !start) problem = 'the flow has no start card (every card has an incoming ordering)';
  else if (stuck.length) {
    const names = stuck.map((c) => `${c.name} (${c.uuid})`);
    problem = `the orderings contain a cycle through ${names.slice(0, 5).join(', ')}`;
  }

  let links: Pick<ScopeGraph, 'pins' | 'incoming'> | undefined;
  // Pins are read on first use: lint never needs them.
  const pinLinks = () => (links ??= readPins(scope));
  return {
    edges,
    heads,
    roots,
    next,
    previous,
    start,
    order,
    stuck,
    problem,
    get pins() {
      return pinLinks().pins;
    },
    get incoming() {
      return pinLinks().incoming;
    },
  };
}

function readPins(scope: Scope): Pick<ScopeGraph, 'pins' | 'incoming'> {
  const { cards, byUuid } = scope;
  const pins: PinLink[] = [];
  const incoming: ScopeGraph['incoming'] = new Map();
  for (const from of cards) {
    for (const [outputId, targets] of Object.entries(objectOr(from.card.pins))) {
      for (const [targetUuid, bindings] of Object.entries(objectOr(targets))) {
        const to = byUuid.get(targetUuid);
        if (!to || !Array.isArray(bindings)) continue;
        for (const binding of bindings) {
          const inputId = isObject(binding) ? stringOr(binding.input) : undefined;
          if (inputId === undefined) continue;
          const transform = isObject(binding.transform) ? (binding.transform as Transform) : null;
          pins.push({ from, outputId, to, inputId, transform });
          let byInput = incoming.get(to.uuid);
          if (!byInput) incoming.set(to.uuid, (byInput = new Map()));
          let list = byInput.get(inputId);
          if (!list) byInput.set(inputId, (list = []));
          list.push({ card: from, outputId });
        }
      }
    }
  }
  return { pins, incoming };
}

/** Well-formed `[from, to]` pairs of card uuids (malformed ones are lint's business). */
function orderingEdges(scope: Scope): OrderingEdge[] {
  const orderings = scope.data.orderings;
  if (!isObject(orderings)) return [];
  const edges: OrderingEdge[] = [];
  for (const [key, pair] of Object.entries(orderings)) {
    if (
      Array.isArray(pair) &&
      pair.length === 2 &&
      typeof pair[0] === 'string' &&
      typeof pair[1] === 'string'
    ) {
      edges.push({ key, from: pair[0], to: pair[1] });
    }
  }
  return edges;
}
