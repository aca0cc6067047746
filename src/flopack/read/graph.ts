import type { Transform } from '../types.js';
import { isKernelAddress } from './address.js';
import type { CardInfo, Scope } from './model.js';
import { ReadingCache } from './reading-cache.js';
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

const graphs = new ReadingCache<Scope, ScopeGraph>();

/** The graph of a scope, built once per scope. */
export function graphOf(scope: Scope): ScopeGraph {
  let graph = graphs.get(scope);
  if (!graph) graphs.set(scope, (graph = buildGraph(scope)));
  return graph;
}

/** The scope's single importer start card, or undefined when it has none or several. */
export function singleRoot(scope: Scope | undefined): CardInfo | undefined {
  if (!scope) return undefined;
  const roots = rootsOf(scope);
  return roots.length === 1 ? roots[0] : undefined;
}

/**
 * The importer's start cards (ScopeGraph.roots), without building the whole graph: lint needs only these, and
 * building the whole graph of every flow was a fifth of its time.
 */
export function rootsOf(scope: Scope): CardInfo[] {
  return outlineOf(scope).roots;
}

/** The well-formed orderings of a scope (ScopeGraph.edges). */
export function edgesOf(scope: Scope): OrderingEdge[] {
  return outlineOf(scope).edges;
}

/** A scope's orderings, branch heads and start cards: the part of its graph that lint reads. */
type Outline = Pick<ScopeGraph, 'edges' | 'heads' | 'roots'>;

const outlines = new ReadingCache<Scope, Outline>();

/**
 * The outline of a scope, read once per scope: several rules ask for the roots or edges of each scope, and a
 * build's documents then build the scope's graph on it (each had read the orderings and branches again).
 */
function outlineOf(scope: Scope): Outline {
  let outline = outlines.get(scope);
  if (!outline) {
    const edges = orderingEdges(scope);
    const heads = branchHeads(scope.cards);
    outlines.set(scope, (outline = { edges, heads, roots: findRoots(scope, edges, heads) }));
  }
  return outline;
}

function branchHeads(cards: readonly CardInfo[]): Map<string, { ifCard: CardInfo; value: boolean }> {
  const heads = new Map<string, { ifCard: CardInfo; value: boolean }>();
  for (const card of cards) {
    const branches = card.card.branches as unknown;
    if (!isObject(branches)) continue;
    for (const head of Object.keys(branches)) {
      if (!heads.has(head)) heads.set(head, { ifCard: card, value: branches[head] === true });
    }
  }
  return heads;
}

/** Cards no ordering leads to that are not branch heads, in `byUuid` order. */
function findRoots(
  scope: Scope,
  edges: readonly OrderingEdge[],
  heads: ReadonlyMap<string, unknown>,
): CardInfo[] {
  const incomingOrdering = new Set<string>();
  for (const edge of edges) incomingOrdering.add(edge.to);
  const roots: CardInfo[] = [];
  for (const c of scope.byUuid.values())
    if (!incomingOrdering.has(c.uuid) && !heads.has(c.uuid)) roots.push(c);
  return roots;
}

/** The cards in the order they run, cards caught in a cycle last (the build sheet shows every card). */
export function executionOrder(scope: Scope): CardInfo[] {
  const graph = graphOf(scope);
  return [...graph.order, ...graph.stuck];
}

function buildGraph(scope: Scope): ScopeGraph {
  const { cards, byUuid } = scope;
  const { edges, heads, roots } = outlineOf(scope);

  // Execution edges: duplicates and self-loops dropped (expand cards carry self-loops, reference §1.6). Work is
  // done on positions in `cards` (plain arrays and number keys): a build reads every generated flow's graph.
  // Arrays indexed here are made by plain loops, not `map`/`filter`: TurboFan's inlined `map` makes arrays of
  // another elements kind than the builtin does, which threw buildGraph's optimized code away twice per build.
  const count = cards.length;
  const position = new Map<CardInfo, number>();
  const nextAt: CardInfo[][] = [];
  const previousAt: CardInfo[][] = [];
  for (let i = 0; i < count; i++) {
    position.set(cards[i]!, i);
    nextAt.push([]);
    previousAt.push([]);
  }
  const seen = new Set<number>();
  const link = (a: CardInfo, b: CardInfo): void => {
    if (a === b) return;
    const from = position.get(a)!;
    const to = position.get(b)!;
    const k = from * count + to;
    if (seen.has(k)) return;
    seen.add(k);
    nextAt[from]!.push(b);
    previousAt[to]!.push(a);
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
  const next = new Map<CardInfo, CardInfo[]>();
  const previous = new Map<CardInfo, CardInfo[]>();
  // The start: the first card with no execution predecessor that is an event card, else a connector card, else a
  // Noop, else the first of them.
  let firstEvent: CardInfo | undefined;
  let firstConnector: CardInfo | undefined;
  let firstNoop: CardInfo | undefined;
  let firstSource: CardInfo | undefined;
  const degree = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const card = cards[i]!;
    next.set(card, nextAt[i]!);
    previous.set(card, previousAt[i]!);
    degree[i] = previousAt[i]!.length;
    if (degree[i] !== 0) continue;
    firstSource ??= card;
    if (firstEvent === undefined && EVENT_TAILS.has(card.tail)) firstEvent = card;
    if (firstConnector === undefined && !isKernelAddress(card.address)) firstConnector = card;
    if (firstNoop === undefined && card.tail === 'control:noop') firstNoop = card;
  }
  const start = firstEvent ?? firstConnector ?? firstNoop ?? firstSource;

  // Kahn's algorithm, always taking the ready card first in `methods` order: `ready` holds positions, sorted
  // descending so that the smallest is popped from the end.
  const order: CardInfo[] = [];
  const ready: number[] = [];
  for (let i = count - 1; i >= 0; i--) if (degree[i] === 0) ready.push(i);
  while (ready.length) {
    const at = ready.pop()!;
    order.push(cards[at]!);
    for (const m of nextAt[at]!) {
      const to = position.get(m)!;
      if (--degree[to]! === 0) insertDescending(ready, to);
    }
  }
  const stuck: CardInfo[] = [];
  for (let i = 0; i < count; i++) if (degree[i]! > 0) stuck.push(cards[i]!);
  let problem: string | undefined;
  if (cards.length && !start) problem = 'the flow has no start card (every card has an incoming ordering)';
  else if (stuck.length) {
    const names = stuck.map((c) => `${c.name} (${c.uuid})`);
    problem = `the orderings contain a cycle through ${names.slice(0, 5).join(', ')}`;
  }

  return new BuiltGraph(scope, { edges, heads, roots, next, previous, start, order, stuck, problem });
}

/**
 * A scope's graph, whose pins are read on first use: lint never needs them. The getters are the class's, not an
 * object literal's: a literal's getters are new closures each time, and V8 keeps accessors in the object's hidden
 * class, which lives in the old generation, so the closures (and through them the scope and its flo) outlived each
 * young-generation collection: ~50 MB of a 1,000-action build's flows were promoted for this alone.
 */
class BuiltGraph implements ScopeGraph {
  readonly edges: OrderingEdge[];
  readonly heads: ScopeGraph['heads'];
  readonly roots: CardInfo[];
  readonly next: Map<CardInfo, CardInfo[]>;
  readonly previous: Map<CardInfo, CardInfo[]>;
  readonly start: CardInfo | undefined;
  readonly order: CardInfo[];
  readonly stuck: CardInfo[];
  readonly problem: string | undefined;
  private links: Pick<ScopeGraph, 'pins' | 'incoming'> | undefined = undefined;

  constructor(
    private readonly scope: Scope,
    parts: Omit<ScopeGraph, 'pins' | 'incoming'>,
  ) {
    this.edges = parts.edges;
    this.heads = parts.heads;
    this.roots = parts.roots;
    this.next = parts.next;
    this.previous = parts.previous;
    this.start = parts.start;
    this.order = parts.order;
    this.stuck = parts.stuck;
    this.problem = parts.problem;
  }

  get pins(): PinLink[] {
    return this.pinLinks().pins;
  }

  get incoming(): ScopeGraph['incoming'] {
    return this.pinLinks().incoming;
  }

  private pinLinks(): Pick<ScopeGraph, 'pins' | 'incoming'> {
    return (this.links ??= readPins(this.scope));
  }
}

function readPins(scope: Scope): Pick<ScopeGraph, 'pins' | 'incoming'> {
  const { cards, byUuid } = scope;
  const pins: PinLink[] = [];
  const incoming: ScopeGraph['incoming'] = new Map();
  for (const from of cards) {
    const outputs = objectOr(from.card.pins);
    // Keys, then reads: generated pins are dictionary-mode objects (builder/ids.ts byId), slow to take entries of.
    for (const outputId of Object.keys(outputs)) {
      const targets = objectOr(outputs[outputId]);
      for (const targetUuid of Object.keys(targets)) {
        const bindings = targets[targetUuid];
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

/** Inserts `value` into `list`, kept in descending order (values are distinct). */
function insertDescending(list: number[], value: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! > value) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, value);
}

/** Well-formed `[from, to]` pairs of card uuids (malformed ones are lint's business). */
function orderingEdges(scope: Scope): OrderingEdge[] {
  const orderings = scope.data.orderings;
  if (!isObject(orderings)) return [];
  const edges: OrderingEdge[] = [];
  for (const key of Object.keys(orderings)) {
    const pair = orderings[key];
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
