import { child, show } from '../json.js';
import type { CardInfo, IoInfo, LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-IO-ID';

/** Reference §1.4 / §1.11 #4: input and output ids equal their map keys and are unique within the flo scope. */
export const ioIdRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: 'input/output ids equal their map key and are unique within the flow scope',
  check(ctx) {
    for (const scope of ctx.scopes) {
      const seen = new Map<string, CardInfo>();
      for (const card of scope.cards) {
        const all: IoInfo[] = [...card.inputs.values(), ...card.outputs.values()];
        for (const io of all) {
          if (io.raw.id !== io.id) {
            ctx.report({
              message: `${io.side} ${JSON.stringify(io.key)} is stored under ${io.id} but its id is ${show(io.raw.id)}`,
              pointer: child(io.pointer, 'id'),
              where: card.where,
            });
          }
          const other = seen.get(io.id);
          if (other) {
            ctx.report({
              message: `${io.side} id ${io.id} (${JSON.stringify(io.key)}) is already used ${other === card ? 'on this card' : `on card "${other.name}" (${other.uuid})`}`,
              pointer: io.pointer,
              where: card.where,
              hint: 'input and output ids must be unique across all cards of a flow',
            });
          } else seen.set(io.id, card);
        }
      }
    }
  },
};
