import { toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import { TEXT_IN_TEXT_OUT } from './unary.js';

/** Base64 (`string:base64`): input `string` ("text") → `output`, Base64 of its UTF-8 bytes (reference §1.7). */
export const base64Card = kernelCard('string:base64', 'Text › Base64', {
  envelope: kernelEnvelope('Encode text as Base64.', SOURCES.catalogue),
  fields: TEXT_IN_TEXT_OUT,
  run: (ctx) => ({
    outputs: {
      [TEXT_IN_TEXT_OUT.output.key]: Buffer.from(
        toText(ctx.inputs[TEXT_IN_TEXT_OUT.input.key]),
        'utf8',
      ).toString('base64'),
    },
  }),
});
