import { orderingEdges } from '../graph.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-UNORDERED-CARD';

/** Reference §1.11 #11: in a flow of more than one card, every card appears in some ordering. */
export const unorderedCardRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: 'with more than one card, every card appears in some ordering',
  check(ctx) {
    for (const scope of ctx.scopes) {
      if (scope.cardsById.size <= 1) continue;
      const linked = new Set<string>();
      for (const edge of orderingEdges(scope)) linked.add(edge.from).add(edge.to);
      for (const card of scope.cardsById.values()) {
        if (linked.has(card.uuid)) continue;
        ctx.report({
          message: 'the card is not linked to any other card by an ordering',
          pointer: card.pointer,
          where: card.where,
          hint: 'add an ordering [previous card, this card] to flo.data.orderings',
        });
      }
    }
  },
};
