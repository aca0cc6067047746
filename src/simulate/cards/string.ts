import { CardFailure } from '../failure.js';
import type { CardHandler } from '../types.js';
import { toText } from '../values.js';
import { allOutputs, dataFields } from './helpers.js';

const PLACEHOLDER = /\{\{\{([^{}]+)\}\}\}/g;

/** Compose: `_text_` with `{{{key}}}` tokens, each the key of another input on the card (reference §1.6). */
const compose: CardHandler = (ctx) => {
  const text = toText(ctx.inputs['_text_']);
  const output = text.replace(PLACEHOLDER, (whole, key: string) =>
    Object.hasOwn(ctx.inputs, key) ? toText(ctx.inputs[key]) : whole,
  );
  return { outputs: { output } };
};

/** Concatenate: string1 + string2 + any added inputs, in card order. */
const concat: CardHandler = (ctx) => ({
  outputs: {
    output: dataFields(ctx)
      .map((f) => toText(f.value))
      .join(''),
  },
});

const base64: CardHandler = (ctx) => ({
  outputs: { output: Buffer.from(toText(ctx.inputs['string']), 'utf8').toString('base64') },
});

const base64Decode: CardHandler = (ctx) => {
  const s = toText(ctx.inputs['string']);
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s.trim()))
    throw new CardFailure('Base64 Decode: the text is not base64');
  return { outputs: { output: Buffer.from(s, 'base64').toString('utf8') } };
};

const unary =
  (fn: (s: string) => unknown): CardHandler =>
  (ctx) => ({ byId: allOutputs(ctx, fn(toText(ctx.inputs['string']))) });

const split: CardHandler = (ctx) => {
  const d = ctx.inputs['delimiter'];
  const s = toText(ctx.inputs['string']);
  return { byId: allOutputs(ctx, d === null || d === undefined || d === '' ? [s] : s.split(toText(d))) };
};

/** Find: 0-based position of `substr` in `string`, -1 when absent (reference Appendix A). */
const find: CardHandler = (ctx) => ({
  byId: allOutputs(ctx, toText(ctx.inputs['string']).indexOf(toText(ctx.inputs['substr']))),
});

export const stringCards: Record<string, CardHandler> = {
  'string:compose': compose,
  'string:concat': concat,
  'string:base64': base64,
  'string:base64Decode': base64Decode,
  'string:toLowerCase': unary((s) => s.toLowerCase()),
  'string:toUpperCase': unary((s) => s.toUpperCase()),
  'string:trim': unary((s) => s.trim()),
  'string:split': split,
  'string:find': find,
};
