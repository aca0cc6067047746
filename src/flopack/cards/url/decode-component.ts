import { CardFailure } from '../../semantics/failure.js';
import { kernelCard } from '../definition.js';
import { textFunction } from '../string/unary.js';

const decode = textFunction(decodeURIComponent);

/** Decode Component (`url:decodeComponent`): malformed percent-encoding is a card error. */
export const decodeComponentCard = kernelCard('url:decodeComponent', 'URL › Decode Component', {
  run: (ctx) => {
    try {
      return decode(ctx);
    } catch {
      throw new CardFailure('URL Decode: malformed percent-encoding');
    }
  },
});
