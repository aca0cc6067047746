import { isObj, kernelTail } from './json.js';
import type { CardInfo, Scope } from './types.js';

/** Well-formed `[from, to]` ordering edges of a scope (malformed ones are the ordering rule's business). */
export function orderingEdges(scope: Scope): Array<{ key: string; from: string; to: string }> {
  const orderings = scope.data.orderings;
  if (!isObj(orderings)) return [];
  const edges: Array<{ key: string; from: string; to: string }> = [];
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

/** If/Else branch heads (noop cards named in some card's `branches`). */
export function branchHeads(scope: Scope): Set<string> {
  const heads = new Set<string>();
  for (const card of scope.cards) {
    if (isObj(card.raw.branches)) for (const head of Object.keys(card.raw.branches)) heads.add(head);
  }
  return heads;
}

/** Cards with no incoming ordering that are not branch heads: a valid scope has exactly one (reference §1.11 #11). */
export function rootCards(scope: Scope): CardInfo[] {
  const incoming = new Set(orderingEdges(scope).map((e) => e.to));
  const heads = branchHeads(scope);
  return [...scope.cardsById.values()].filter((c) => !incoming.has(c.uuid) && !heads.has(c.uuid));
}

/** The event card of a scope: its single root, when there is exactly one. */
export function startCard(scope: Scope | undefined): CardInfo | undefined {
  if (!scope) return undefined;
  const roots = rootCards(scope);
  return roots.length === 1 ? roots[0] : undefined;
}

export function isCallable(card: CardInfo | undefined): boolean {
  return card !== undefined && kernelTail(card.address) === 'control:callable';
}

export function describeCard(card: CardInfo): string {
  return `"${card.name}" (${card.uuid})`;
}
