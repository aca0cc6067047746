import { child } from '../json.js';
import { describeCard, rootCards } from '../graph.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-START-CARD';

/** Reference §1.11 #11: exactly one card has no incoming ordering (and is not an If/Else branch head). */
export const startCardRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: 'each flow scope has exactly one start card (no incoming ordering, not a branch head)',
  check(ctx) {
    for (const scope of ctx.scopes) {
      if (scope.cardsById.size === 0) continue;
      const roots = rootCards(scope);
      if (roots.length === 1) continue;
      ctx.report({
        message:
          roots.length === 0
            ? 'no start card: every card has an incoming ordering (the orderings form a cycle)'
            : `expected exactly one start card but ${roots.length} cards have no incoming ordering: ${roots.map(describeCard).join(', ')}`,
        pointer: child(scope.pointer, 'orderings'),
        where: scope.where,
        hint:
          roots.length > 1
            ? 'add an ordering from the event card (or the previous card) to each of the others'
            : undefined,
      });
    }
  },
};
