import { flowById, isCallable } from '../connector.js';
import { cardWhere, fieldValue, quote, valuePointer } from '../describe.js';
import { lintRule } from '../types.js';

/**
 * Reference §1.11 #10: Call Flow / For Each name another flow of the file by uuid ("import will demand a
 * replacement" otherwise), and that flow starts with a Helper Flow (callable) card.
 */
export const flowRefRule = lintRule('OC-FLOPACK-FLOW-REF', 'error', {
  description: 'flow references (Call Flow, For Each...) name a flow in the file that has a Helper Flow card',
  card(card, ctx) {
    for (const io of card.inputs.values()) {
      const value = fieldValue(io);
      const ref = value?.data;
      if (value?.type !== 'flo' || typeof ref !== 'string' || ref === '') continue;
      const pointer = valuePointer(card, io);
      const target = flowById(ctx, ref);
      if (!target) {
        ctx.report({
          message: `the card calls flow ${ref}, which is not in this file`,
          pointer,
          where: cardWhere(card),
          hint: 'export the called flow in the same folder; Okta asks for a replacement flow on import otherwise',
        });
        continue;
      }
      if ((card.parts?.family === 'kernel' && card.tail === 'utility:exportFlo') || !target.scope) continue;
      if (!target.scope.cards.some(isCallable)) {
        ctx.report({
          message: `the card calls flow ${quote(target.name)}, which has no Helper Flow card to start it`,
          pointer,
          where: cardWhere(card),
        });
      }
    }
  },
});
