import { CardFailure } from '../../semantics/failure.js';
import { toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';

/** Base64 Decode (`string:base64Decode`): text that is not Base64 is a card error. */
export const base64DecodeCard = kernelCard('string:base64Decode', 'Text › Base64 Decode', {
  run: (ctx) => {
    const s = toText(ctx.inputs['string']);
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s.trim()))
      throw new CardFailure('Base64 Decode: the text is not base64');
    return { outputs: { output: Buffer.from(s, 'base64').toString('utf8') } };
  },
});
