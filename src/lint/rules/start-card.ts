import { childPointer, rootsOf, type CardInfo } from '../../flopack/read/index.js';
import { scopeWhere } from '../describe.js';
import { lintRule } from '../types.js';

function describeCard(card: CardInfo): string {
  return `"${card.name}" (${card.uuid})`;
}

/** Reference §1.11 #11: exactly one card has no incoming ordering (and is not an If/Else branch head). */
export const startCardRule = lintRule('OC-FLOPACK-START-CARD', 'error', {
  description: 'each flow scope has exactly one start card (no incoming ordering, not a branch head)',
  scope(scope, ctx) {
    if (scope.byUuid.size === 0) return;
    const roots = rootsOf(scope);
    if (roots.length === 1) return;
    ctx.report({
      message:
        roots.length === 0
          ? 'no start card: every card has an incoming ordering (the orderings form a cycle)'
          : `expected exactly one start card but ${roots.length} cards have no incoming ordering: ${roots.map(describeCard).join(', ')}`,
      pointer: childPointer(scope.pointer, 'orderings'),
      where: scopeWhere(scope),
      hint:
        roots.length > 1
          ? 'add an ordering from the event card (or the previous card) to each of the others'
          : undefined,
    });
  },
});
