import { cardWhere, fieldValue, quote, valuePointer } from '../describe.js';
import { lintRule, type FileContext } from '../types.js';

/** A flow reference, checked once every flow of the file is known (the called flow may come later). */
interface Call {
  ref: string;
  /** Export Flow (`utility:exportFlo`) names any flow, not only a helper. */
  anyFlow: boolean;
  pointer: string;
  where: string;
}

/**
 * Reference §1.11 #10: Call Flow / For Each name another flow of the file by uuid ("import will demand a
 * replacement" otherwise), and that flow starts with a Helper Flow (callable) card.
 */
export const flowRefRule = lintRule<Call>('OC-FLOPACK-FLOW-REF', 'error', {
  description: 'flow references (Call Flow, For Each...) name a flow in the file that has a Helper Flow card',
  card(card, ctx) {
    for (const io of card.floInputs) {
      const ref = fieldValue(io)?.data;
      if (typeof ref !== 'string' || ref === '') continue;
      const anyFlow = card.parts?.family === 'kernel' && card.tail === 'utility:exportFlo';
      const pointer = valuePointer(card, io);
      // A flow read earlier is checked now; a later one (or none) once every flow is known.
      if (ctx.flows.get(ref)) checkCall(ref, anyFlow, pointer, () => cardWhere(card), ctx);
      else ctx.note({ ref, anyFlow, pointer, where: cardWhere(card) });
    }
  },
  check(ctx) {
    for (const { ref, anyFlow, pointer, where } of ctx.notes)
      checkCall(ref, anyFlow, pointer, () => where, ctx);
  },
});

function checkCall(
  ref: string,
  anyFlow: boolean,
  pointer: string,
  where: () => string,
  ctx: Pick<FileContext, 'flows' | 'report'>,
): void {
  const target = ctx.flows.get(ref);
  if (!target) {
    ctx.report({
      message: `the card calls flow ${ref}, which is not in this file`,
      pointer,
      where: where(),
      hint: 'export the called flow in the same folder; Okta asks for a replacement flow on import otherwise',
    });
    return;
  }
  if (anyFlow || !target.hasData) return;
  if (target.callableInputs === undefined) {
    ctx.report({
      message: `the card calls flow ${quote(target.name)}, which has no Helper Flow card to start it`,
      pointer,
      where: where(),
    });
  }
}
