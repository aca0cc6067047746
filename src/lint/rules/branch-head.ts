import { child, isObj } from '../json.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-BRANCH-HEAD';

/** Reference §1.6 / §1.11 #7: If/Else `branches` name noop head cards of the same flo. */
export const branchHeadRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: 'If/Else `branches` name cards that exist in the same flow scope',
  check(ctx) {
    for (const scope of ctx.scopes) {
      for (const card of scope.cards) {
        const branches = card.raw.branches;
        if (!isObj(branches)) continue;
        for (const head of Object.keys(branches)) {
          if (scope.cardsById.has(head)) continue;
          ctx.report({
            message: `branch head ${head} (${branches[head] === false ? 'false' : 'true'} branch) is not a card of this flow`,
            pointer: child(child(card.pointer, 'branches'), head),
            where: card.where,
          });
        }
      }
    }
  },
};
