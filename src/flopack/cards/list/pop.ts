import { deepFreeze } from '../../../util/deep-freeze.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';
import { listOf } from './loop.js';

/** Field keys as the email-domain template's Get Last Item card has them. */
export const POP_FIELDS = deepFreeze({
  list: { key: 'list', type: 'string', collection: true, required: true, data: [] },
  rest: { key: 'list', type: 'string', collection: true, data: [], ref: true },
  item: { key: 'item', type: 'string' },
} satisfies Record<string, FieldSpec>);

/** Get Last Item (`list:pop`): the list without its last item, and that item. */
export const popCard = kernelCard('list:pop', 'List › Get Last Item', {
  envelope: kernelEnvelope(
    'Given a list, return two outputs: the last item and the list with that item removed (aka Pop).',
    SOURCES.email,
    {
      inputs: { extensible: false, rules: { list: { types: ['*'], collection: true } } },
      outputs: {
        extensible: false,
        rules: { list: { types: ['*'], collection: true }, item: { types: ['*'], collection: '*' } },
      },
    },
  ),
  fields: POP_FIELDS,
  run: (ctx) => {
    const l = listOf(ctx.inputs[POP_FIELDS.list.key]);
    return { outputs: { list: l.slice(0, -1), item: l.length ? l[l.length - 1] : null } };
  },
});
