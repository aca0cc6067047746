import { deepFreeze } from '../../../util/deep-freeze.js';
import { dataFields } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';
import { ANY, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/**
 * [I] Field shape from Okta's function reference ("item: user created fields" → `list`); no local sample. The
 * builder adds one custom input per item, in list order.
 */
export const LIST_CONSTRUCT_FIELDS = deepFreeze({
  output: { key: 'list', type: 'object', collection: true, data: [] },
} satisfies Record<string, FieldSpec>);

/** List Construct (`list:construct`): a new list of its inputs' values, in card order. */
export const listConstructCard = kernelCard('list:construct', 'List › Construct', {
  envelope: kernelEnvelope('Construct a new list from a set of values.', SOURCES.catalogue, {
    inputs: { extensible: true, rules: ANY },
  }),
  fields: LIST_CONSTRUCT_FIELDS,
  run: (ctx) => ({
    outputs: { [LIST_CONSTRUCT_FIELDS.output.key]: dataFields(ctx).map(({ value }) => value) },
  }),
});
