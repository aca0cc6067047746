import { isObject } from '../../flopack/read/index.js';
import { cardPropertyPointer, cardWhere, rawCard } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.6 / §1.11 #6: pins hang off an output of the card that holds them. */
export const pinSourceRule = lintRule('OC-FLOPACK-PIN-SOURCE', 'error', {
  description: 'each pin starts from an output that exists on its card',
  card(card, ctx) {
    const pins = rawCard(card).pins;
    if (pins === undefined) return;
    if (!isObject(pins)) {
      ctx.report({
        message: '`pins` must be an object',
        pointer: cardPropertyPointer(card, 'pins'),
        where: cardWhere(card),
      });
      return;
    }
    for (const outputId of Object.keys(pins)) {
      if (card.outputs.has(outputId)) continue;
      ctx.report({
        message: `a pin starts from ${outputId}, which is not an output of this card${card.inputs.has(outputId) ? ' (it is an input)' : ''}`,
        pointer: cardPropertyPointer(card, 'pins', outputId),
        where: cardWhere(card),
      });
    }
  },
});
