import { describe, expect, it } from 'vitest';
import {
  edgesOf,
  executionOrder as orderOf,
  graphOf,
  readFlo,
  rootsOf,
  type CardInfo,
  type Scope,
} from '../../../src/flopack/read/index.js';
import type { Card } from '../../../src/flopack/types.js';
import { onlyFlo, sample } from '../../handoff-package/helpers.js';

/** The cards of a flo in execution order (cards caught in a cycle last). */
function executionOrder(methods: Card[], orderings: Record<string, [string, string]>): Card[] {
  return orderOf(readFlo({ uuid: 'flo', methods, orderings })).map((c) => c.card);
}

describe('executionOrder', () => {
  it('follows orderings, not the order of methods, and survives cycles', () => {
    const flo = onlyFlo(sample('send_sms_via_twilio.flopack'));
    const reversed = [...flo.data.methods].reverse();
    const order = executionOrder(reversed, flo.data.orderings).map((c) => c.uuid);
    expect(order).toEqual(executionOrder(flo.data.methods, flo.data.orderings).map((c) => c.uuid));
    expect(order[0]).toBe(flo.data.methods.find((c) => c.address.endsWith(':callable'))?.uuid);
    const [a, b] = flo.data.methods;
    if (!a || !b) throw new Error('sample changed');
    const cyclic = executionOrder([a, b], { x: [a.uuid, b.uuid], y: [b.uuid, a.uuid] });
    expect(cyclic).toHaveLength(2);
  });
});

/**
 * The graph as it was first written (Maps keyed by card, the ready list sorted on every step): the plain reference
 * the position-based buildGraph, rootsOf and edgesOf must agree with.
 */
function referenceGraph(scope: Scope) {
  const { cards, byUuid } = scope;
  const orderings = (scope.data.orderings ?? {}) as Record<string, unknown>;
  const edges = Object.entries(orderings).flatMap(([key, pair]) =>
    Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string'
      ? [{ key, from: pair[0], to: pair[1] }]
      : [],
  );
  const heads = new Map<string, { ifCard: CardInfo; value: boolean }>();
  for (const card of cards) {
    const branches = card.card.branches as unknown;
    const entries = branches && typeof branches === 'object' && !Array.isArray(branches) ? branches : {};
    for (const [head, value] of Object.entries(entries)) {
      if (!heads.has(head)) heads.set(head, { ifCard: card, value: value === true });
    }
  }
  const incoming = new Set(edges.map((e) => e.to));
  const roots = [...byUuid.values()].filter((c) => !incoming.has(c.uuid) && !heads.has(c.uuid));
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
  const order: CardInfo[] = [];
  const degree = new Map(cards.map((c) => [c, previous.get(c)!.length] as const));
  const ready = cards.filter((c) => previous.get(c)!.length === 0);
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
  const sources = cards.filter((c) => previous.get(c)!.length === 0);
  const start =
    sources.find((c) => ['control:callable', 'http:accept', 'http:delegated'].includes(c.tail)) ??
    sources.find((c) => !c.address.startsWith('root:kernel:')) ??
    sources.find((c) => c.tail === 'control:noop') ??
    sources[0];
  return { edges, heads, roots, next, previous, order, stuck, start };
}

/** Noops mostly; the start card prefers event cards, then connector cards, then Noops. */
const ADDRESSES = [
  'root:kernel:control:0.0.1:noop',
  'root:kernel:control:0.0.1:callable',
  'root:kernel:http:0.0.1:accept',
  'root:channels:http:twilio:1.0.0:send',
  'root:kernel:string:0.0.1:compose',
];

describe('graphOf', () => {
  it('agrees with the plain reference on random scopes (duplicates, self-loops, stale uuids, branches, cycles)', () => {
    let seed = 17;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 400; round++) {
      const size = 1 + random(12);
      // A few uuids repeat (byUuid keeps the first) and a few orderings name cards that are not there.
      const uuids = Array.from({ length: size }, (_, i) => `c${random(4) === 0 ? random(size) : i}`);
      const methods = uuids.map((uuid) => {
        const branches: Record<string, boolean> = {};
        if (random(5) === 0) branches[`c${random(size)}`] = random(2) === 0;
        return {
          uuid,
          address: ADDRESSES[random(3) ? 0 : 1 + random(ADDRESSES.length - 1)],
          branches,
        };
      });
      const orderings: Record<string, unknown> = {};
      for (let e = random(size * 2); e > 0; e--) {
        const pair = [`c${random(size + 2)}`, `c${random(size + 2)}`];
        orderings[`o${random(size * 3)}`] = random(10) === 0 ? [pair[0]] : pair;
      }
      const scope = readFlo({ uuid: 'flo', methods, orderings });
      const plain = referenceGraph(scope);
      // Cards by position, so that a failure prints short.
      const at = (list: readonly CardInfo[] | undefined) => list?.map((c) => scope.cards.indexOf(c));
      // rootsOf and edgesOf before the graph exists, then the graph itself.
      expect(at(rootsOf(scope))).toEqual(at(plain.roots));
      expect(edgesOf(scope)).toEqual(plain.edges);
      const graph = graphOf(scope);
      expect(graph.edges).toEqual(plain.edges);
      expect([...graph.heads].map(([h, v]) => [h, at([v.ifCard]), v.value])).toEqual(
        [...plain.heads].map(([h, v]) => [h, at([v.ifCard]), v.value]),
      );
      expect(at(graph.roots)).toEqual(at(plain.roots));
      expect(rootsOf(scope)).toBe(graph.roots);
      expect(scope.cards.map((c) => at(graph.next.get(c)))).toEqual(
        scope.cards.map((c) => at(plain.next.get(c))),
      );
      expect(scope.cards.map((c) => at(graph.previous.get(c)))).toEqual(
        scope.cards.map((c) => at(plain.previous.get(c))),
      );
      expect(at(graph.order)).toEqual(at(plain.order));
      expect(at(graph.stuck)).toEqual(at(plain.stuck));
      expect(at(graph.start ? [graph.start] : [])).toEqual(at(plain.start ? [plain.start] : []));
    }
  });
});
