import { channelKey, child, show } from '../json.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-TABLE-REF';

/** Reference §1.11 #8: Tables (`stash`) cards name a table of `data.tables` in their `stash` option. */
export const tableRefRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: "Tables cards' `stash` option names a table in `data.tables`",
  check(ctx) {
    for (const scope of ctx.scopes) {
      for (const card of scope.cards) {
        if (channelKey(card.address) !== 'stash') continue;
        for (const io of card.inputs.values()) {
          if (io.key !== 'stash') continue;
          const ref = io.value?.data;
          if (typeof ref === 'string' && ref in ctx.tables) continue;
          ctx.report({
            message: `the card uses table ${show(ref)}, which is not in \`data.tables\``,
            pointer: child(child(io.pointer, 'value'), 'data'),
            where: card.where,
            hint: 'export the table with the folder, or pick a table that is part of it',
          });
        }
      }
    }
  },
};
