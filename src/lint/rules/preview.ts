import { child, isObj } from '../json.js';
import type { CardInfo, LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-PREVIEW';

/** `{module, name}` of a card as `display.preview` lists it: kernel module or channel key, and the method key. */
function previewOf(card: CardInfo): { module: string; name: string } {
  const parts = card.address.split(':');
  return { module: (parts[1] === 'kernel' ? parts[2] : parts[3]) ?? '', name: parts[parts.length - 1] ?? '' };
}

/** Real exports list hidden path cards and some event cards with an empty name; those entries match loosely. */
function matches(entry: unknown, card: CardInfo): boolean {
  if (card.model?.displayed === false) return true;
  if (!isObj(entry)) return false;
  const want = previewOf(card);
  return entry.module === want.module && (entry.name === want.name || entry.name === '');
}

/** Reference §1.3 (warning, cosmetic): `display.preview` lists the cards in `methods` order. */
export const previewRule: LintRule = {
  code: CODE,
  severity: 'warning',
  description: "`display.preview` lists the flow's cards in `methods` order (cosmetic)",
  check(ctx) {
    for (const flow of ctx.flows) {
      const scope = flow.scope;
      if (!scope) continue;
      const display = scope.data.display;
      const preview = isObj(display) && Array.isArray(display.preview) ? display.preview : [];
      const cards = scope.cards;
      if (preview.length === cards.length && cards.every((card, i) => matches(preview[i], card))) continue;
      ctx.report({
        message: `display.preview lists ${preview.length} card(s) that do not match the flow's ${cards.length} card(s) in order`,
        pointer: child(child(scope.pointer, 'display'), 'preview'),
        where: scope.where,
        hint: 'cosmetic: the card icons shown in the flow list; regenerate it from `methods`',
      });
    }
  },
};
