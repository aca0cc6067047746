import { deepFreeze } from '../../../util/deep-freeze.js';
import { allOutputs } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';
import { ANY, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';
import { loop } from './loop.js';

/** Map's fixed fields (reference §1.7 catalogue): `list`, the helper flow `flo` → `new list`. */
export const MAP_FIELDS = deepFreeze({
  list: { key: 'list', type: 'object', collection: true, required: true },
  flo: { key: 'flo', type: 'flo', required: true, metadata: { displayname: 'Helper Flow' } },
  output: { key: 'new list', type: 'object', collection: true },
} satisfies Record<string, FieldSpec>);

/** Map (`list:map`): a new list of the child's Return value per item (its single key, or the whole outputs) [I]. */
export const mapCard = kernelCard('list:map', 'List › Map', {
  timeoutMs: 300_000,
  // No vendored export has a Map card: the envelope follows Call Flow's (a card that runs a helper flow) [I].
  envelope: kernelEnvelope(
    'Run a helper flow for each item of a list and collect what it returns.',
    SOURCES.catalogue,
    {
      async: true,
      inputs: { extensible: true, rules: ANY },
      outputs: { extensible: false },
    },
  ),
  fields: MAP_FIELDS,
  run: async (ctx) => ({ byId: allOutputs(ctx, await loop(ctx, false, true)) }),
});
