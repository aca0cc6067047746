import { CardFailure, SimFailure } from '../failure.js';
import { compare, toNumber, toText } from '../values.js';
import type { CardHandler } from '../types.js';
import { floInput, isFloLike, wormholes } from './helpers.js';

/** Return Error: ends the flow with an error (statusCode default 500, reference §1.7). */
const throwCard: CardHandler = (ctx) => {
  throw new CardFailure(toText(ctx.inputs['message']) || 'Return Error', {
    statusCode: toNumber(ctx.inputs['statusCode'], ctx.flags) ?? 500,
    kind: 'return-error',
  });
};

/** Return Error If: same, only when the comparison holds (Connector Builder best practice: status 400, §2.7). */
const throwIf: CardHandler = (ctx) => {
  const i = ctx.inputs;
  if (!compare(i['left-operand'], i['operator'], i['right-operand'], ctx.flags)) return {};
  return throwCard(ctx);
};

/**
 * If Error (reference §1.6/§1.10): runs the inline Try flo with its wormholes. A card failure inside it runs the
 * error flo from `policy.error.flo`, whose start card gets `error: {message, method, flo, execution}` (+ `body`
 * when the failing card was an HTTP card with a response). The card's outputs are the Return inputs of whichever
 * branch ran. `method` is the failing card's name and `flo` the failing flow's name [I: Okta stores ids there].
 */
const tryCatch: CardHandler = async (ctx) => {
  const name = ctx.card.node.data.name;
  const tryFlo = floInput(ctx.fields);
  if (!isFloLike(tryFlo)) throw new CardFailure(`${name}: the If Error card has no inline Try flow`);
  try {
    const r = await ctx.runFlow(tryFlo, wormholes(ctx.fields, tryFlo), `${ctx.flow} › ${name} › try`);
    return { outputs: r.outputs };
  } catch (e) {
    if (!(e instanceof SimFailure) || !e.catchable) throw e;
    const policy = ctx.card.node.model.policy?.error as { flo?: unknown } | undefined;
    const error: Record<string, unknown> = {
      message: e.error.message,
      method: e.error.card?.name ?? null,
      flo: e.error.flow,
      execution: ctx.executionId,
    };
    if (e.error.statusCode !== undefined) error['statusCode'] = e.error.statusCode;
    if (e.body !== undefined) error['body'] = e.body;
    if (!isFloLike(policy?.flo)) return {};
    const inputs = { ...wormholes(ctx.fields, policy.flo), error };
    const r = await ctx.runFlow(policy.flo, inputs, `${ctx.flow} › ${name} › error`);
    return { outputs: r.outputs };
  }
};

export const errorCards: Record<string, CardHandler> = {
  'control:throw': throwCard,
  'control:throwIf': throwIf,
  'control:tryCatch': tryCatch,
};
