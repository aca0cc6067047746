import { deepFreeze } from '../../../util/deep-freeze.js';
import { allOutputs } from '../../semantics/fields.js';
import { queryString } from '../http-functions/request.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** [I] Keys from Okta's reference (input `data` object → `output` text); no local sample. */
export const ENCODE_QUERY_FIELDS = deepFreeze({
  input: { key: 'data', type: 'object', required: true },
  output: { key: 'output', type: 'string' },
} satisfies Record<string, FieldSpec>);

/**
 * Encode Query (`url:encodeQuery`): an object as `name=John%20Doe&region=North%20America` (Okta's example),
 * the same encoding the HTTP cards give a Query object; also a valid form-urlencoded body.
 */
export const encodeQueryCard = kernelCard('url:encodeQuery', 'URL › Encode Query', {
  envelope: kernelEnvelope('Encode a query object into a URL-encoded query string.', SOURCES.catalogue),
  fields: ENCODE_QUERY_FIELDS,
  run: (ctx) => ({ byId: allOutputs(ctx, queryString(ctx.inputs[ENCODE_QUERY_FIELDS.input.key])) }),
});
