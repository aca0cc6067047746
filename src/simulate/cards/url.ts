import { CardFailure } from '../failure.js';
import type { CardHandler } from '../types.js';
import { toText } from '../values.js';
import { allOutputs } from './helpers.js';

/** Text -> URL Encode Component (encodeURIComponent). */
const encode: CardHandler = (ctx) => ({
  byId: allOutputs(ctx, encodeURIComponent(toText(ctx.inputs['string']))),
});

const decode: CardHandler = (ctx) => {
  try {
    return { byId: allOutputs(ctx, decodeURIComponent(toText(ctx.inputs['string']))) };
  } catch {
    throw new CardFailure('URL Decode: malformed percent-encoding');
  }
};

export const urlCards: Record<string, CardHandler> = {
  'url:encodeComponent': encode,
  'url:decodeComponent': decode,
};
