import { cardWhere, fieldValue, show, valuePointer } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.11 #8: Tables (`stash`) cards name a table of `data.tables` in their `stash` option. */
/** A Tables card's table, checked against `data.tables` once the envelope is known. */
interface TableUse {
  /** The `stash` option when it is a string. */
  ref: string | undefined;
  shown: string;
  pointer: string;
  where: string;
}

export const tableRefRule = lintRule<TableUse>('OC-FLOPACK-TABLE-REF', 'error', {
  description: "Tables cards' `stash` option names a table in `data.tables`",
  card(card, ctx) {
    if (card.parts?.family !== 'channel' || card.parts.module !== 'stash') return;
    for (const io of card.inputs.values()) {
      if (io.key !== 'stash') continue;
      const ref = fieldValue(io)?.data;
      ctx.note({
        ref: typeof ref === 'string' ? ref : undefined,
        shown: show(ref),
        pointer: valuePointer(card, io),
        where: cardWhere(card),
      });
    }
  },
  check(ctx) {
    for (const { ref, shown, pointer, where } of ctx.notes) {
      if (ref !== undefined && ref in ctx.tables) continue;
      ctx.report({
        message: `the card uses table ${shown}, which is not in \`data.tables\``,
        pointer,
        where,
        hint: 'export the table with the folder, or pick a table that is part of it',
      });
    }
  },
});
