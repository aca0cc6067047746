import { CardFailure, SimFailure } from '../failure.js';
import type { CardContext, CardHandler } from '../types.js';
import { dataFields, floInput } from './helpers.js';

/** The callee's `parent` context (reference §1.7 Helper Flow: parent {id, method, name, execution_id}). */
export function parentOf(ctx: CardContext): Record<string, unknown> {
  return { id: ctx.flowId, method: ctx.card.uuid, name: ctx.flow, execution_id: ctx.executionId };
}

function calleeInputs(ctx: CardContext): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const { field, value } of dataFields(ctx)) inputs[field.key] = value;
  inputs['parent'] = parentOf(ctx);
  return inputs;
}

/**
 * Call Flow: runs the flow whose id is in the `flo` input; the other inputs go to the callee's start card by key;
 * the card's outputs mirror the callee's Return keys (reference §1.7). A callee failure fails this card with the
 * callee's message and status code (so If Error can catch it).
 */
const spawn: CardHandler = async (ctx) => {
  const ref = floInput(ctx.fields);
  if (!ref) throw new CardFailure(`${ctx.card.node.data.name}: no flow chosen in the Call Flow card`);
  const r = await ctx.runFlow(ref, calleeInputs(ctx));
  return { outputs: r.outputs };
};

/** Call Flow Async: the caller does not wait or see errors in Okta; we run it to completion and ignore its result [I]. */
const run: CardHandler = async (ctx) => {
  const ref = floInput(ctx.fields);
  if (!ref) throw new CardFailure(`${ctx.card.node.data.name}: no flow chosen in the Call Flow Async card`);
  try {
    await ctx.runFlow(ref, calleeInputs(ctx));
  } catch (e) {
    if (!(e instanceof SimFailure) || !e.catchable) throw e;
  }
  return {};
};

export const callFlowCards: Record<string, CardHandler> = {
  'control:spawn': spawn,
  'control:run': run,
};
