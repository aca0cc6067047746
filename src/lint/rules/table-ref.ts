import { cardWhere, fieldValue, show, valuePointer } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.11 #8: Tables (`stash`) cards name a table of `data.tables` in their `stash` option. */
export const tableRefRule = lintRule('OC-FLOPACK-TABLE-REF', 'error', {
  description: "Tables cards' `stash` option names a table in `data.tables`",
  card(card, ctx) {
    if (card.parts?.family !== 'channel' || card.parts.module !== 'stash') return;
    for (const io of card.inputs.values()) {
      if (io.key !== 'stash') continue;
      const ref = fieldValue(io)?.data;
      if (typeof ref === 'string' && ref in ctx.tables) continue;
      ctx.report({
        message: `the card uses table ${show(ref)}, which is not in \`data.tables\``,
        pointer: valuePointer(card, io),
        where: cardWhere(card),
        hint: 'export the table with the folder, or pick a table that is part of it',
      });
    }
  },
});
