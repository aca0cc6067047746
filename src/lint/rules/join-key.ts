import { child, isObj } from '../json.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-JOIN-KEY';

/** Reference §1.6 (warning): a Join card's `joins` are keyed by its own input ids. */
export const joinKeyRule: LintRule = {
  code: CODE,
  severity: 'warning',
  description: 'Join `joins` keys are inputs of the Join card',
  check(ctx) {
    for (const scope of ctx.scopes) {
      for (const card of scope.cards) {
        if (!isObj(card.raw.joins)) continue;
        for (const key of Object.keys(card.raw.joins)) {
          if (card.inputs.has(key)) continue;
          ctx.report({
            message: `join ${key} is not an input of this card`,
            pointer: child(child(card.pointer, 'joins'), key),
            where: card.where,
          });
        }
      }
    }
  },
};
