import { child } from '../json.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-CARD-ID';

/** Reference §1.11 #4: each card has a string uuid, unique within its flo scope. */
export const cardIdRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: 'every card has a uuid, unique within its flow (inline flos are their own scope)',
  check(ctx) {
    for (const scope of ctx.scopes) {
      for (const card of scope.cards) {
        if (typeof card.raw.uuid !== 'string' || card.raw.uuid === '') {
          ctx.report({
            message: 'the card has no `uuid`',
            pointer: child(card.pointer, 'uuid'),
            where: card.where,
          });
        } else if (scope.cardsById.get(card.uuid) !== card) {
          ctx.report({
            message: `card uuid ${card.uuid} is used by another card in the same flow`,
            pointer: child(card.pointer, 'uuid'),
            where: card.where,
            hint: 'give each card its own uuid and update pins and orderings that meant this one',
          });
        }
      }
    }
  },
};
