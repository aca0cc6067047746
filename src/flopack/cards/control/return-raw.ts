import { deepFreeze } from '../../../util/deep-freeze.js';
import { toNumber } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** The HTTP response of an API Endpoint flow; each is mirrored (statusCode and headers hidden on the output side). */
export const RETURN_RAW_FIELDS = deepFreeze({
  statusCode: { key: 'statusCode', type: 'number', data: 200, required: true },
  headers: { key: 'headers', type: 'object', data: {}, required: true },
  body: { key: 'body', type: 'string' },
} satisfies Record<string, FieldSpec>);

/** Return Raw (`control:returnRaw`): statusCode (default 200), headers, body (reference §1.7). */
export const returnRawCard = kernelCard('control:returnRaw', 'Flow Control › Return Raw', {
  envelope: kernelEnvelope('Return raw http data from a Flow to the caller, such as XML.', SOURCES.email, {
    mirrored: true,
  }),
  fields: RETURN_RAW_FIELDS,
  run: (ctx) => {
    const statusCode = ctx.inputs[RETURN_RAW_FIELDS.statusCode.key];
    const headers = ctx.inputs[RETURN_RAW_FIELDS.headers.key];
    const body = ctx.inputs[RETURN_RAW_FIELDS.body.key];
    const raw = {
      statusCode: toNumber(statusCode, ctx.flags) ?? 200,
      headers: headers && typeof headers === 'object' ? (headers as Record<string, unknown>) : {},
      body: body ?? '',
    };
    return { end: { kind: 'raw', raw } };
  },
});
