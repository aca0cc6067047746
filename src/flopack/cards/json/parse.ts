import { deepFreeze } from '../../../util/deep-freeze.js';
import { CardFailure } from '../../semantics/failure.js';
import { allOutputs, dataFields } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

export const JSON_PARSE_FIELDS = deepFreeze({
  input: { key: 'string', type: 'string', required: true, metadata: {} },
  output: { key: 'output', type: 'object' },
} satisfies Record<string, FieldSpec>);

/** JSON Parse (`json:parse`): text → value; an object passes through; invalid JSON is a card error. */
export const jsonParseCard = kernelCard('json:parse', 'JSON › Parse', {
  timeoutMs: 30_000,
  envelope: kernelEnvelope('Parse a JSON string into an object or list.', SOURCES.http, {
    executable: true,
    outputs: {
      extensible: false,
      rules: { output: { types: ['string', 'number', 'Date', 'object', 'boolean'], collection: '*' } },
    },
  }),
  fields: JSON_PARSE_FIELDS,
  run: (ctx) => {
    const v = ctx.inputs[JSON_PARSE_FIELDS.input.key] ?? dataFields(ctx)[0]?.value;
    if (typeof v !== 'string') return { byId: allOutputs(ctx, v ?? null) };
    try {
      return { byId: allOutputs(ctx, JSON.parse(v)) };
    } catch (e) {
      throw new CardFailure(`JSON Parse: invalid JSON (${(e as Error).message})`);
    }
  },
});
