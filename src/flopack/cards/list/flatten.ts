import { deepFreeze } from '../../../util/deep-freeze.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';
import { listOf } from './loop.js';

/** Field keys of the real card (make_api_requests_http_card): `lists` → `list`. */
export const FLATTEN_FIELDS = deepFreeze({
  lists: { key: 'lists', type: 'object', collection: true, required: true, available: ['*'] },
  output: { key: 'list', type: 'object', collection: true, available: ['*'] },
} satisfies Record<string, FieldSpec>);

/** Flatten (`list:flatten`): nested lists as one list. */
export const flattenCard = kernelCard('list:flatten', 'List › Flatten', {
  envelope: kernelEnvelope('Turn a list that contains lists into a single list.', SOURCES.http, {
    inputs: { extensible: false, rules: { lists: { types: ['*'], collection: true } } },
    outputs: { extensible: false, rules: { list: { types: ['*'], collection: true } } },
  }),
  fields: FLATTEN_FIELDS,
  run: (ctx) => ({
    outputs: { [FLATTEN_FIELDS.output.key]: listOf(ctx.inputs[FLATTEN_FIELDS.lists.key]).flat(Infinity) },
  }),
});
