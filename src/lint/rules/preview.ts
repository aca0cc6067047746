import { child, isObj } from '../json.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-PREVIEW';

/** `{module, name}` of a card as `display.preview` lists it: kernel module or channel key, and the method key. */
function previewOf(address: string): string {
  const parts = address.split(':');
  return `${(parts[1] === 'kernel' ? parts[2] : parts[3]) ?? ''}:${parts[parts.length - 1] ?? ''}`;
}

/** Reference §1.3 (warning, cosmetic): `display.preview` lists the cards in `methods` order. */
export const previewRule: LintRule = {
  code: CODE,
  severity: 'warning',
  description: '`display.preview` lists the flow\'s cards in `methods` order (cosmetic)',
  check(ctx) {
    for (const flow of ctx.flows) {
      const scope = flow.scope;
      if (!scope) continue;
      const display = scope.data.display;
      const preview = isObj(display) && Array.isArray(display.preview) ? display.preview : [];
      const listed = preview.map((p: unknown) => (isObj(p) ? `${String(p.module)}:${String(p.name)}` : '?'));
      const cards = scope.cards.map((c) => previewOf(c.address));
      if (listed.length === cards.length && listed.every((x, i) => x === cards[i])) continue;
      ctx.report({
        message: `display.preview lists ${listed.length} card(s) that do not match the flow's ${cards.length} card(s) in order`,
        pointer: child(child(scope.pointer, 'display'), 'preview'),
        where: scope.where,
        hint: 'cosmetic: the card icons shown in the flow list; regenerate it from `methods`',
      });
    }
  },
};
