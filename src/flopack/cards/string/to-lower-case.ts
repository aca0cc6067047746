import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import { TEXT_IN_TEXT_OUT, textFunction } from './unary.js';

/** To Lower Case (`string:toLowerCase`): input `string` ("text") → `output`. */
export const toLowerCaseCard = kernelCard('string:toLowerCase', 'Text › To Lower Case', {
  envelope: kernelEnvelope('Convert text to all lowercase.', SOURCES.catalogue),
  fields: TEXT_IN_TEXT_OUT,
  run: textFunction((s) => s.toLowerCase()),
});
