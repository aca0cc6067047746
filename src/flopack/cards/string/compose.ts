import { deepFreeze } from '../../../util/deep-freeze.js';
import { toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** A `{{{key}}}` token of a Compose text: the key of another input of the card (reference §1.6). */
export const COMPOSE_PLACEHOLDER = /\{\{\{([^{}]+)\}\}\}/g;

/** The text with its tokens, the composed output, and the shape of one token's input (its key is random-looking). */
export const COMPOSE_FIELDS = deepFreeze({
  text: { key: '_text_', type: 'string', required: true },
  output: { key: 'output', type: 'string' },
  part: { key: '', type: 'string', available: ['string'] },
} satisfies Record<string, FieldSpec>);

/** Compose (`string:compose`): `_text_` with each `{{{key}}}` replaced by that input's text. */
export const composeCard = kernelCard('string:compose', 'Text › Compose', {
  envelope: kernelEnvelope(
    'Enter free form text and optionally drag fields into your text like a mail merge.',
    SOURCES.capia,
    {
      inputs: { extensible: true, rules: { '*': { types: ['string'], collection: false } } },
    },
  ),
  fields: COMPOSE_FIELDS,
  run: (ctx) => {
    const text = toText(ctx.inputs[COMPOSE_FIELDS.text.key]);
    const output = text.replace(COMPOSE_PLACEHOLDER, (whole, key: string) =>
      Object.hasOwn(ctx.inputs, key) ? toText(ctx.inputs[key]) : whole,
    );
    return { outputs: { [COMPOSE_FIELDS.output.key]: output } };
  },
});
