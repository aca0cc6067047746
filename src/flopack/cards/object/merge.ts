import { deepFreeze } from '../../../util/deep-freeze.js';
import { dataFields, isPlainObject } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** `start` ("object 1"), `sink` ("object 2") as on the real card; the builder adds further custom inputs. */
export const MERGE_FIELDS = deepFreeze({
  first: { key: 'start', type: 'object', data: {}, required: true, metadata: { displayname: 'object 1' } },
  second: { key: 'sink', type: 'object', data: {}, required: true, metadata: { displayname: 'object 2' } },
  output: { key: 'output', type: 'object', data: {} },
} satisfies Record<string, FieldSpec>);

/** Object Merge (`object:merge`): objects in card order, later keys win, shallowly [I] (contract.ts MERGE_ORDER). */
export const mergeCard = kernelCard('object:merge', 'Object › Merge', {
  envelope: kernelEnvelope('Combine multiple objects into one.', SOURCES.http, {
    inputs: { extensible: true, rules: { '*': { types: ['object'], collection: false } } },
  }),
  fields: MERGE_FIELDS,
  run: (ctx) => {
    const output: Record<string, unknown> = {};
    for (const { value } of dataFields(ctx)) if (isPlainObject(value)) Object.assign(output, value);
    return { outputs: { [MERGE_FIELDS.output.key]: output } };
  },
});
