import { deepFreeze } from '../../../util/deep-freeze.js';
import { getPath } from '../../semantics/paths.js';
import { toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';
import { listOf } from './loop.js';

/** Field keys of the real card (make_api_requests_http_card): `list`, `key` → `values`. */
export const PLUCK_FIELDS = deepFreeze({
  list: { key: 'list', type: 'object', collection: true, required: true },
  key: { key: 'key', type: 'string', required: false },
  output: { key: 'values', type: 'object', collection: true },
} satisfies Record<string, FieldSpec>);

/** Pluck (`list:pluck`): the value at `key` (a path) of every item. */
export const pluckCard = kernelCard('list:pluck', 'List › Pluck', {
  envelope: kernelEnvelope(
    'Given a list of objects, create a new list using only a specified portion from each object.',
    SOURCES.http,
    {
      inputs: { extensible: false, rules: { list: { types: ['object'], collection: true } } },
      outputs: { extensible: false, rules: { values: { types: ['*'], collection: true } } },
    },
  ),
  fields: PLUCK_FIELDS,
  run: (ctx) => {
    const key = toText(ctx.inputs[PLUCK_FIELDS.key.key]);
    return {
      outputs: {
        [PLUCK_FIELDS.output.key]: listOf(ctx.inputs[PLUCK_FIELDS.list.key]).map(
          (x) => getPath(x, key) ?? null,
        ),
      },
    };
  },
});
