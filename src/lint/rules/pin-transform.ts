import { isObject } from '../../flopack/read/index.js';
import { cardPropertyPointer, cardWhere, rawCard } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.6 (warning): a pin's transform is keyed by the pin's own output id. */
export const pinTransformRule = lintRule('OC-FLOPACK-PIN-TRANSFORM', 'warning', {
  description: "a pin's `transform` is keyed by the pin's output id",
  card(card, ctx) {
    const pins = rawCard(card).pins;
    if (!isObject(pins)) return;
    for (const outputId of Object.keys(pins)) {
      const targets = pins[outputId];
      if (!isObject(targets)) continue;
      for (const targetId of Object.keys(targets)) {
        const bindings = targets[targetId];
        if (!Array.isArray(bindings)) continue;
        for (let i = 0; i < bindings.length; i++) {
          const binding: unknown = bindings[i];
          const transform = isObject(binding) ? binding.transform : undefined;
          if (!isObject(transform)) continue;
          const keys = Object.keys(transform);
          if (keys.length === 1 && keys[0] === outputId) continue;
          ctx.report({
            message: `the transform on pin ${outputId} → ${targetId} is keyed by ${JSON.stringify(keys)} instead of [${JSON.stringify(outputId)}]`,
            pointer: cardPropertyPointer(card, 'pins', outputId, targetId, i, 'transform'),
            where: cardWhere(card),
          });
        }
      }
    }
  },
});
