import { deepFreeze } from '../../../util/deep-freeze.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';
import { listOf } from './loop.js';

/** Field keys of the real card (process_batched_okta_events_from_an_event_hook): `list` → `length`. */
export const LIST_LENGTH_FIELDS = deepFreeze({
  list: { key: 'list', type: 'object', collection: true, required: true, available: ['*'] },
  output: { key: 'length', type: 'number' },
} satisfies Record<string, FieldSpec>);

/** Length (`list:length`): the number of items. */
export const listLengthCard = kernelCard('list:length', 'List › Length', {
  envelope: kernelEnvelope('Count the number of items in a list.', SOURCES.batch, {
    inputs: { extensible: false, rules: { list: { types: ['*'], collection: true } } },
    outputs: { extensible: false },
  }),
  fields: LIST_LENGTH_FIELDS,
  run: (ctx) => ({
    outputs: { [LIST_LENGTH_FIELDS.output.key]: listOf(ctx.inputs[LIST_LENGTH_FIELDS.list.key]).length },
  }),
});
