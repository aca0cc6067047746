import { deepFreeze } from '../../../util/deep-freeze.js';
import { allOutputs, dataFields } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

export const JSON_STRINGIFY_FIELDS = deepFreeze({
  input: { key: 'object', type: 'object', required: true, metadata: {} },
  output: { key: 'output', type: 'string' },
} satisfies Record<string, FieldSpec>);

/** JSON Stringify (`json:stringify`): value → compact JSON text (reference §1.7). */
export const jsonStringifyCard = kernelCard('json:stringify', 'JSON › Stringify', {
  timeoutMs: 30_000,
  envelope: kernelEnvelope('Convert a JSON object to a string (text).', SOURCES.catalogue, {
    executable: true,
    // As on the real card (slack_app_template_project).
    inputs: {
      extensible: false,
      rules: { object: { types: ['string', 'number', 'Date', 'boolean', 'object'], collection: '*' } },
    },
  }),
  fields: JSON_STRINGIFY_FIELDS,
  run: (ctx) => {
    const v = ctx.inputs[JSON_STRINGIFY_FIELDS.input.key] ?? dataFields(ctx)[0]?.value;
    return { byId: allOutputs(ctx, JSON.stringify(v ?? null)) };
  },
});
