import { deepFreeze } from '../../../util/deep-freeze.js';
import { allOutputs } from '../../semantics/fields.js';
import { toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

export const FIND_FIELDS = deepFreeze({
  lookIn: { key: 'string', type: 'string', required: true, metadata: { displayname: 'look in' } },
  lookFor: { key: 'substr', type: 'string', required: true, metadata: { displayname: 'look for' } },
  output: { key: 'output', type: 'number', data: -1, metadata: { displayname: 'position' } },
} satisfies Record<string, FieldSpec>);

/** Find (`string:find`): position of `substr` in `string`, 0-based, -1 when absent (real card, PAM template). */
export const findCard = kernelCard('string:find', 'Text › Find', {
  envelope: kernelEnvelope(
    'Search text for the first match. Returns the position, where 0 is the first position and -1 if not found.',
    SOURCES.pam,
  ),
  fields: FIND_FIELDS,
  run: (ctx) => ({
    byId: allOutputs(
      ctx,
      toText(ctx.inputs[FIND_FIELDS.lookIn.key]).indexOf(toText(ctx.inputs[FIND_FIELDS.lookFor.key])),
    ),
  }),
});
