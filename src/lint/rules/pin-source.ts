import { child, isObj } from '../json.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-PIN-SOURCE';

/** Reference §1.6 / §1.11 #6: pins hang off an output of the card that holds them. */
export const pinSourceRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: 'each pin starts from an output that exists on its card',
  check(ctx) {
    for (const scope of ctx.scopes) {
      for (const card of scope.cards) {
        const pins = card.raw.pins;
        if (pins === undefined) continue;
        if (!isObj(pins)) {
          ctx.report({
            message: '`pins` must be an object',
            pointer: child(card.pointer, 'pins'),
            where: card.where,
          });
          continue;
        }
        for (const outputId of Object.keys(pins)) {
          if (card.outputs.has(outputId)) continue;
          const sameKeyInput = card.inputs.get(outputId);
          ctx.report({
            message: `a pin starts from ${outputId}, which is not an output of this card${sameKeyInput ? ' (it is an input)' : ''}`,
            pointer: child(child(card.pointer, 'pins'), outputId),
            where: card.where,
          });
        }
      }
    }
  },
};
