import { childPointer, fieldPointer, type CardInfo } from '../../flopack/read/index.js';
import { cardWhere, show } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.4 / §1.11 #4: input and output ids equal their map keys and are unique within the flo scope. */
export const ioIdRule = lintRule('OC-FLOPACK-IO-ID', 'error', {
  description: 'input/output ids equal their map key and are unique within the flow scope',
  scope(scope, ctx) {
    const seen = new Map<string, CardInfo>();
    for (const card of scope.cards) {
      for (const side of [card.inputs, card.outputs]) {
        for (const io of side.values()) {
          const stored = (io.field as { id?: unknown }).id;
          if (stored !== io.id) {
            ctx.report({
              message: `${io.side} ${JSON.stringify(io.key)} is stored under ${io.id} but its id is ${show(stored)}`,
              pointer: childPointer(fieldPointer(card, io), 'id'),
              where: cardWhere(card),
            });
          }
          const other = seen.get(io.id);
          if (other) {
            ctx.report({
              message: `${io.side} id ${io.id} (${JSON.stringify(io.key)}) is already used ${other === card ? 'on this card' : `on card "${other.name}" (${other.uuid})`}`,
              pointer: fieldPointer(card, io),
              where: cardWhere(card),
              hint: 'input and output ids must be unique across all cards of a flow',
            });
          } else seen.set(io.id, card);
        }
      }
    }
  },
});
