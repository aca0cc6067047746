import { cardPropertyPointer, cardWhere, rawCard } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.11 #4: each card has a string uuid, unique within its flo scope. */
export const cardIdRule = lintRule('OC-FLOPACK-CARD-ID', 'error', {
  description: 'every card has a uuid, unique within its flow (inline flos are their own scope)',
  card(card, ctx) {
    const uuid = rawCard(card).uuid;
    if (typeof uuid !== 'string' || uuid === '') {
      ctx.report({
        message: 'the card has no `uuid`',
        pointer: cardPropertyPointer(card, 'uuid'),
        where: cardWhere(card),
      });
    } else if (card.scope.byUuid.get(card.uuid) !== card) {
      ctx.report({
        message: `card uuid ${card.uuid} is used by another card in the same flow`,
        pointer: cardPropertyPointer(card, 'uuid'),
        where: cardWhere(card),
        hint: 'give each card its own uuid and update pins and orderings that meant this one',
      });
    }
  },
});
