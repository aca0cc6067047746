import { deepFreeze } from '../../../util/deep-freeze.js';
import { allOutputs } from '../../semantics/fields.js';
import { toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** Field keys and labels as the email-domain template's Split card has them. */
export const SPLIT_FIELDS = deepFreeze({
  text: { key: 'string', type: 'string', required: true, metadata: { displayname: 'text' } },
  separator: { key: 'delimiter', type: 'string', metadata: { displayname: 'separator' } },
  output: { key: 'output', type: 'string', collection: true, data: [], ref: true },
} satisfies Record<string, FieldSpec>);

/** Split (`string:split`): the text split at `delimiter` (no delimiter: a list of the whole text). */
export const splitCard = kernelCard('string:split', 'Text › Split', {
  envelope: kernelEnvelope(
    'Split text into a list of segments separated by commas or other specified delimiter.',
    SOURCES.email,
  ),
  fields: SPLIT_FIELDS,
  run: (ctx) => {
    const d = ctx.inputs[SPLIT_FIELDS.separator.key];
    const s = toText(ctx.inputs[SPLIT_FIELDS.text.key]);
    return { byId: allOutputs(ctx, d === null || d === undefined || d === '' ? [s] : s.split(toText(d))) };
  },
});
