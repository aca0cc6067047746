import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import { TEXT_IN_TEXT_OUT, textFunction } from '../string/unary.js';

/** Encode Component (`url:encodeComponent`): input `string` → `output`, percent-encoded (reference §1.7). */
export const encodeComponentCard = kernelCard('url:encodeComponent', 'URL › Encode Component', {
  envelope: kernelEnvelope('Encode text for use in a URL or a form body.', SOURCES.catalogue),
  fields: TEXT_IN_TEXT_OUT,
  run: textFunction(encodeURIComponent),
});
