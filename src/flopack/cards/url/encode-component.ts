import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import { TEXT_IN_TEXT_OUT, textFunction } from '../string/unary.js';

/** Encode Component (`url:encodeComponent`): input `string` → `output`, percent-encoded (reference §1.7). */
export const encodeComponentCard = kernelCard({
  module: 'url',
  key: 'encodeComponent',
  name: 'Encode Component',
  menu: 'URL',
  envelope: kernelEnvelope('Encode text for use in a URL or a form body.', SOURCES.catalogue),
  fields: TEXT_IN_TEXT_OUT,
  run: textFunction(encodeURIComponent),
});
