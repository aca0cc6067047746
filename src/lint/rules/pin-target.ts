import { isObject, stringOr } from '../../flopack/read/index.js';
import { cardPropertyPointer, cardWhere, rawCard, show } from '../describe.js';
import { lintRule, type FileContext } from '../types.js';

/** Reference §1.6 / §1.11 #6: a pin's target card is in the same flo scope and has the target input. */
/** A pin whose target card is not in its scope: whether the card is elsewhere in the file is known at the end. */
interface Stray {
  targetId: string;
  pointer: string;
  where: string;
}

export const pinTargetRule = lintRule<Stray>('OC-FLOPACK-PIN-TARGET', 'error', {
  description: 'each pin targets a card in the same flow scope and an input that exists on it',
  card(card, ctx) {
    const pins = rawCard(card).pins;
    if (!isObject(pins)) return;
    // Pointers and labels are made only for a finding: nearly every pin has none.
    for (const outputId of Object.keys(pins)) {
      const targets = pins[outputId];
      if (!isObject(targets)) {
        ctx.report({
          message: `pin ${outputId} must map target cards to lists`,
          pointer: cardPropertyPointer(card, 'pins', outputId),
          where: cardWhere(card),
        });
        continue;
      }
      for (const targetId of Object.keys(targets)) {
        const bindings = targets[targetId];
        const target = card.scope.byUuid.get(targetId);
        if (!target) {
          // A card of a flow read earlier settles it now; otherwise a later flow may have it.
          const stray = {
            targetId,
            pointer: cardPropertyPointer(card, 'pins', outputId, targetId),
            where: cardWhere(card),
          };
          if (ctx.flows.cardUuids.has(targetId)) reportStray(stray, ctx);
          else ctx.note(stray);
          continue;
        }
        if (!Array.isArray(bindings)) {
          ctx.report({
            message: `the pin to ${targetId} must be a list`,
            pointer: cardPropertyPointer(card, 'pins', outputId, targetId),
            where: cardWhere(card),
          });
          continue;
        }
        for (let i = 0; i < bindings.length; i++) {
          const binding: unknown = bindings[i];
          const input = isObject(binding) ? stringOr(binding.input) : undefined;
          if (input !== undefined && target.inputs.has(input)) continue;
          ctx.report({
            message: `a pin targets input ${show(input ?? null)}, which is not an input of card "${target.name}" (${target.uuid})`,
            pointer: cardPropertyPointer(card, 'pins', outputId, targetId, i, 'input'),
            where: cardWhere(card),
          });
        }
      }
    }
  },
  check(ctx) {
    for (const pin of ctx.notes) reportStray(pin, ctx);
  },
});

function reportStray({ targetId, pointer, where }: Stray, ctx: Pick<FileContext, 'flows' | 'report'>): void {
  // Not in its own scope, so any card of the file with that uuid is in another flow or inline flo.
  const elsewhere = ctx.flows.cardUuids.has(targetId);
  ctx.report({
    message: `a pin targets card ${targetId}, which is not in this flow scope${elsewhere ? ' (it is in another flow or inline flo)' : ''}`,
    pointer,
    where,
    hint: elsewhere
      ? 'values cross into inline flos through wormhole context fields (reference §1.6)'
      : undefined,
  });
}
