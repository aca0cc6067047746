import { childPointer, isObject, stringOr } from '../../flopack/read/index.js';
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
    const where = cardWhere(card);
    for (const [outputId, targets] of Object.entries(pins)) {
      const outPointer = cardPropertyPointer(card, 'pins', outputId);
      if (!isObject(targets)) {
        ctx.report({ message: `pin ${outputId} must map target cards to lists`, pointer: outPointer, where });
        continue;
      }
      for (const [targetId, bindings] of Object.entries(targets)) {
        const pointer = childPointer(outPointer, targetId);
        const target = card.scope.byUuid.get(targetId);
        if (!target) {
          // A card of a flow read earlier settles it now; otherwise a later flow may have it.
          if (ctx.flows.cardUuids.has(targetId)) stray({ targetId, pointer, where }, ctx);
          else ctx.note({ targetId, pointer, where });
          continue;
        }
        if (!Array.isArray(bindings)) {
          ctx.report({ message: `the pin to ${targetId} must be a list`, pointer, where });
          continue;
        }
        bindings.forEach((binding: unknown, i) => {
          const input = isObject(binding) ? stringOr(binding.input) : undefined;
          if (input !== undefined && target.inputs.has(input)) return;
          ctx.report({
            message: `a pin targets input ${show(input ?? null)}, which is not an input of card "${target.name}" (${target.uuid})`,
            pointer: childPointer(childPointer(pointer, i), 'input'),
            where,
          });
        });
      }
    }
  },
  check(ctx) {
    for (const pin of ctx.notes) stray(pin, ctx);
  },
});

function stray({ targetId, pointer, where }: Stray, ctx: Pick<FileContext, 'flows' | 'report'>): void {
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
