import { dataFields } from '../../semantics/fields.js';
import { toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';

/**
 * Concatenate (`string:concat`): inputs `string1`, `string2` ("text 1", "text 2") and further inputs `string3`…
 * (custom), joined in card order into `output` (utilGetAccessToken.flow, reference §1.7).
 */
export const concatenateCard = kernelCard('string:concat', 'Text › Concatenate', {
  envelope: kernelEnvelope('Combine a list of text into a single text.', SOURCES.auth0, {
    inputs: { extensible: true, rules: { '*': { types: ['string'], collection: false } } },
  }),
  run: (ctx) => ({
    outputs: {
      output: dataFields(ctx)
        .map((f) => toText(f.value))
        .join(''),
    },
  }),
});
