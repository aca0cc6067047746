import { cardWhere, fieldValue, valuePointer } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.4 / §1.11 #5: a list field with non-list data makes the importer fail ("flo.id is not a function"). */
export const collectionDataRule = lintRule('OC-FLOPACK-COLLECTION-DATA', 'error', {
  description:
    'fields with `collection: true` hold a list or null (else import fails with "flo.id is not a function")',
  card(card, ctx) {
    for (const side of [card.inputs, card.outputs]) {
      for (const io of side.values()) {
        const value = fieldValue(io);
        if (value?.collection !== true) continue;
        const data = value.data;
        if (data === null || data === undefined || Array.isArray(data)) continue;
        ctx.report({
          message: `${io.side} ${JSON.stringify(io.key)} is a list (collection: true) but its data is ${typeof data === 'object' ? 'an object' : `a ${typeof data}`}`,
          pointer: valuePointer(card, io),
          where: cardWhere(card),
          hint: 'use a list ([] when empty) or null; Okta\'s importer answers 500 "TypeError: flo.id is not a function"',
        });
      }
    }
  },
});
