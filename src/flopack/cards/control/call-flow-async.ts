import { CardFailure, SimFailure } from '../../semantics/failure.js';
import { floInput } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';
import { calleeInputs } from './call-flow.js';

/**
 * Call Flow Async (`control:run`): the caller does not wait or see errors in Okta; we run it to completion and
 * ignore its result [I].
 */
export const callFlowAsyncCard = kernelCard('control:run', 'Flow Control › Call Flow Async', {
  run: async (ctx) => {
    const ref = floInput(ctx.fields);
    if (!ref) throw new CardFailure(`${ctx.card.node.data.name}: no flow chosen in the Call Flow Async card`);
    try {
      await ctx.runFlow(ref, calleeInputs(ctx));
    } catch (e) {
      if (!(e instanceof SimFailure) || !e.catchable) throw e;
    }
    return {};
  },
});
