import { deepFreeze } from '../../../util/deep-freeze.js';
import { kernelCard } from '../definition.js';
import { ANY, BODY_HEADERS_QUERY_RULES, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

const raw = (key: string, type: FieldSpec['type'], data: unknown): FieldSpec => ({
  key,
  group: 'raw',
  type,
  data,
  metadata: { hidden: true },
});

/**
 * The request as it arrived (hidden group `raw`: headers object, body and query text) and the execution id; typed
 * custom fields follow in groups `body`, `headers`, `query`, each filled from the raw request (telephony flow, §1.9).
 */
export const API_ENDPOINT_FIELDS = deepFreeze({
  rawHeaders: raw('headers', 'object', {}),
  rawBody: raw('body', 'string', ''),
  rawQuery: raw('query', 'string', ''),
  executionId: {
    key: 'execution_id',
    group: 'context',
    type: 'string',
    data: null,
    metadata: { displayname: 'Execution ID' },
  },
} satisfies Record<string, FieldSpec>);

/**
 * API Endpoint (`http:accept`): starts a flow on an HTTP request. Mirrored: the interpreter echoes the inputs it
 * seeded from the request to the outputs. The builder gives its flo `security_level: "medium"` (client token).
 */
export const apiEndpointCard = kernelCard('http:accept', 'API Endpoint', {
  envelope: kernelEnvelope('Accept input to start a Flow.', SOURCES.email, {
    mirrored: true,
    inputs: { extensible: false, groupRules: {} },
    outputs: {
      extensible: false,
      rules: ANY,
      groupRules: { ...BODY_HEADERS_QUERY_RULES, context: { extensible: false } },
    },
  }),
  fields: API_ENDPOINT_FIELDS,
  run: () => ({}),
});
