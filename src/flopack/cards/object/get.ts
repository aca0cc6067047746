import { deepFreeze } from '../../../util/deep-freeze.js';
import { allOutputs } from '../../semantics/fields.js';
import { getPath } from '../../semantics/paths.js';
import { toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** The builder adds the output's type. */
export const GET_FIELDS = deepFreeze({
  object: { key: 'object', type: 'object', data: {}, required: true },
  path: { key: 'path', type: 'string', required: true },
  output: { key: 'output', available: ['*'] },
} satisfies Record<string, FieldSpec>);

/** Object Get (`object:get`): `object` + dot `path` (e.g. `data.events`) → `output` (batched events template). */
export const getCard = kernelCard('object:get', 'Object › Get', {
  envelope: kernelEnvelope('Read a value from an object at a given path.', SOURCES.batch, {
    inputs: {
      extensible: false,
      rules: { object: { types: ['object'], collection: '*' }, path: { types: ['string'], collection: '*' } },
    },
    outputs: { extensible: false, rules: { output: { types: ['*'], collection: '*' } } },
  }),
  fields: GET_FIELDS,
  run: (ctx) => ({
    byId: allOutputs(
      ctx,
      getPath(ctx.inputs[GET_FIELDS.object.key], toText(ctx.inputs[GET_FIELDS.path.key])) ?? null,
    ),
  }),
});
