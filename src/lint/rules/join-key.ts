import { isObject } from '../../flopack/read/index.js';
import { cardPropertyPointer, cardWhere, rawCard } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.6 (warning): a Join card's `joins` are keyed by its own input ids. */
export const joinKeyRule = lintRule('OC-FLOPACK-JOIN-KEY', 'warning', {
  description: 'Join `joins` keys are inputs of the Join card',
  card(card, ctx) {
    const joins = rawCard(card).joins;
    if (!isObject(joins)) return;
    for (const key of Object.keys(joins)) {
      if (card.inputs.has(key)) continue;
      ctx.report({
        message: `join ${key} is not an input of this card`,
        pointer: cardPropertyPointer(card, 'joins', key),
        where: cardWhere(card),
      });
    }
  },
});
