import { isObject } from '../../flopack/read/index.js';
import { cardPropertyPointer, cardWhere, rawCard } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.6 / §1.11 #7: If/Else `branches` name noop head cards of the same flo. */
export const branchHeadRule = lintRule('OC-FLOPACK-BRANCH-HEAD', 'error', {
  description: 'If/Else `branches` name cards that exist in the same flow scope',
  card(card, ctx) {
    const branches = rawCard(card).branches;
    if (!isObject(branches)) return;
    for (const head of Object.keys(branches)) {
      if (card.scope.byUuid.has(head)) continue;
      ctx.report({
        message: `branch head ${head} (${branches[head] === false ? 'false' : 'true'} branch) is not a card of this flow`,
        pointer: cardPropertyPointer(card, 'branches', head),
        where: cardWhere(card),
      });
    }
  },
});
