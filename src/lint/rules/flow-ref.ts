import { child, kernelTail, quote } from '../json.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-FLOW-REF';

/**
 * Reference §1.11 #10: Call Flow / For Each name another flow of the file by uuid ("import will demand a
 * replacement" otherwise), and that flow starts with a Helper Flow (callable) card.
 */
export const flowRefRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: 'flow references (Call Flow, For Each...) name a flow in the file that has a Helper Flow card',
  check(ctx) {
    const byId = new Map(ctx.flows.map((f) => [f.id, f]));
    for (const scope of ctx.scopes) {
      for (const card of scope.cards) {
        for (const io of card.inputs.values()) {
          const ref = io.value?.data;
          if (io.value?.type !== 'flo' || typeof ref !== 'string' || ref === '') continue;
          const pointer = child(child(io.pointer, 'value'), 'data');
          const target = byId.get(ref);
          if (!target) {
            ctx.report({
              message: `the card calls flow ${ref}, which is not in this file`,
              pointer,
              where: card.where,
              hint: 'export the called flow in the same folder; Okta asks for a replacement flow on import otherwise',
            });
            continue;
          }
          if (kernelTail(card.address) === 'utility:exportFlo' || !target.scope) continue;
          const hasCallable = target.scope.cards.some((c) => kernelTail(c.address) === 'control:callable');
          if (!hasCallable) {
            ctx.report({
              message: `the card calls flow ${quote(target.name)}, which has no Helper Flow card to start it`,
              pointer,
              where: card.where,
            });
          }
        }
      }
    }
  },
};
