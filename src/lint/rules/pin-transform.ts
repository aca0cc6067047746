import { child, isObj } from '../json.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-PIN-TRANSFORM';

/** Reference §1.6 (warning): a pin's transform is keyed by the pin's own output id. */
export const pinTransformRule: LintRule = {
  code: CODE,
  severity: 'warning',
  description: "a pin's `transform` is keyed by the pin's output id",
  check(ctx) {
    for (const scope of ctx.scopes) {
      for (const card of scope.cards) {
        if (!isObj(card.raw.pins)) continue;
        for (const [outputId, targets] of Object.entries(card.raw.pins)) {
          if (!isObj(targets)) continue;
          for (const [targetId, bindings] of Object.entries(targets)) {
            if (!Array.isArray(bindings)) continue;
            bindings.forEach((binding: unknown, i) => {
              const transform = isObj(binding) ? binding.transform : undefined;
              if (!isObj(transform)) return;
              const keys = Object.keys(transform);
              if (keys.length === 1 && keys[0] === outputId) return;
              ctx.report({
                message: `the transform on pin ${outputId} → ${targetId} is keyed by ${JSON.stringify(keys)} instead of [${JSON.stringify(outputId)}]`,
                pointer: child(
                  child(child(child(child(card.pointer, 'pins'), outputId), targetId), i),
                  'transform',
                ),
                where: card.where,
              });
            });
          }
        }
      }
    }
  },
};
