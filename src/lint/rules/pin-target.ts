import { child, isObj, str, show } from '../json.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-PIN-TARGET';

/** Reference §1.6 / §1.11 #6: a pin's target card is in the same flo scope and has the target input. */
export const pinTargetRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: 'each pin targets a card in the same flow scope and an input that exists on it',
  check(ctx) {
    for (const scope of ctx.scopes) {
      for (const card of scope.cards) {
        if (!isObj(card.raw.pins)) continue;
        for (const [outputId, targets] of Object.entries(card.raw.pins)) {
          const outPointer = child(child(card.pointer, 'pins'), outputId);
          if (!isObj(targets)) {
            ctx.report({
              message: `pin ${outputId} must map target cards to lists`,
              pointer: outPointer,
              where: card.where,
            });
            continue;
          }
          for (const [targetId, bindings] of Object.entries(targets)) {
            const pointer = child(outPointer, targetId);
            const target = scope.cardsById.get(targetId);
            if (!target) {
              const elsewhere = ctx.scopes.some((s) => s !== scope && s.cardsById.has(targetId));
              ctx.report({
                message: `a pin targets card ${targetId}, which is not in this flow scope${elsewhere ? ' (it is in another flow or inline flo)' : ''}`,
                pointer,
                where: card.where,
                hint: elsewhere
                  ? 'values cross into inline flos through wormhole context fields (reference §1.6)'
                  : undefined,
              });
              continue;
            }
            if (!Array.isArray(bindings)) {
              ctx.report({ message: `the pin to ${targetId} must be a list`, pointer, where: card.where });
              continue;
            }
            bindings.forEach((binding: unknown, i) => {
              const input = isObj(binding) ? str(binding.input) : undefined;
              if (input !== undefined && target.inputs.has(input)) return;
              ctx.report({
                message: `a pin targets input ${show(input ?? null)}, which is not an input of card "${target.name}" (${target.uuid})`,
                pointer: child(child(pointer, i), 'input'),
                where: card.where,
              });
            });
          }
        }
      }
    }
  },
};
