import { CardFailure } from '../failure.js';
import type { CardHandler } from '../types.js';
import { allOutputs, dataFields } from './helpers.js';

/** JSON Parse: text -> value; an object passes through; invalid JSON is a card error. */
const parse: CardHandler = (ctx) => {
  const v = ctx.inputs['string'] ?? dataFields(ctx)[0]?.value;
  if (typeof v !== 'string') return { byId: allOutputs(ctx, v ?? null) };
  try {
    return { byId: allOutputs(ctx, JSON.parse(v)) };
  } catch (e) {
    throw new CardFailure(`JSON Parse: invalid JSON (${(e as Error).message})`);
  }
};

/** JSON Stringify: value -> compact JSON text. */
const stringify: CardHandler = (ctx) => {
  const v = ctx.inputs['object'] ?? dataFields(ctx)[0]?.value;
  return { byId: allOutputs(ctx, JSON.stringify(v ?? null)) };
};

export const jsonCards: Record<string, CardHandler> = {
  'json:parse': parse,
  'json:stringify': stringify,
};
