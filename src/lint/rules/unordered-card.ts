import { cardPointer, edgesOf } from '../../flopack/read/index.js';
import { cardWhere } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.11 #11: in a flow of more than one card, every card appears in some ordering. */
export const unorderedCardRule = lintRule('OC-FLOPACK-UNORDERED-CARD', 'error', {
  description: 'with more than one card, every card appears in some ordering',
  scope(scope, ctx) {
    if (scope.byUuid.size <= 1) return;
    const linked = new Set<string>();
    for (const edge of edgesOf(scope)) linked.add(edge.from).add(edge.to);
    for (const card of scope.byUuid.values()) {
      if (linked.has(card.uuid)) continue;
      ctx.report({
        message: 'the card is not linked to any other card by an ordering',
        pointer: cardPointer(card),
        where: cardWhere(card),
        hint: 'add an ordering [previous card, this card] to flo.data.orderings',
      });
    }
  },
});
