import { childPointer, isObject, type CardInfo } from '../../flopack/read/index.js';
import { scopeWhere } from '../describe.js';
import { lintRule } from '../types.js';

/** Real exports list hidden path cards and some event cards with an empty name; those entries match loosely. */
function matches(entry: unknown, card: CardInfo): boolean {
  if (card.model?.displayed === false) return true;
  if (!isObject(entry)) return false;
  // `{module, name}` as `display.preview` lists a card: its kernel module or channel key, and its method key.
  const module = card.parts?.module ?? '';
  const name = card.parts?.key ?? card.address.split(':').pop() ?? '';
  return entry.module === module && (entry.name === name || entry.name === '');
}

/** Reference §1.3 (warning, cosmetic): `display.preview` lists the cards in `methods` order. */
export const previewRule = lintRule('OC-FLOPACK-PREVIEW', 'warning', {
  description: "`display.preview` lists the flow's cards in `methods` order (cosmetic)",
  flow({ flow }, ctx) {
    const scope = flow?.scope;
    if (!scope) return;
    const display = scope.data.display;
    const preview = isObject(display) && Array.isArray(display.preview) ? display.preview : [];
    const cards = scope.cards;
    if (preview.length === cards.length && cards.every((card, i) => matches(preview[i], card))) return;
    ctx.report({
      message: `display.preview lists ${preview.length} card(s) that do not match the flow's ${cards.length} card(s) in order`,
      pointer: childPointer(childPointer(scope.pointer, 'display'), 'preview'),
      where: scopeWhere(scope),
      hint: 'cosmetic: the card icons shown in the flow list; regenerate it from `methods`',
    });
  },
});
