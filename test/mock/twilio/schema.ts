import { Ajv, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TWILIO_OPENAPI } from '../../support/fixtures.js';

/** Twilio's OpenAPI description, vendored under test/fixtures/openapi/twilio/. */
export const SPEC_PATH = TWILIO_OPENAPI;

const MESSAGE_FIELDS = [
  'account_sid', 'api_version', 'body', 'date_created', 'date_sent', 'date_updated', 'direction', 'error_code',
  'error_message', 'from', 'messaging_service_sid', 'num_media', 'num_segments', 'price', 'price_unit', 'sid',
  'status', 'subresource_uris', 'to', 'uri',
]; // prettier-ignore
const LIST_FIELDS = [
  'end',
  'first_page_uri',
  'next_page_uri',
  'page',
  'page_size',
  'previous_page_uri',
  'start',
  'uri',
  'messages',
];

// ajv-formats is CommonJS with a default export; require() gives the function itself.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv) => void;

export interface Validators {
  message: ValidateFunction;
  list: ValidateFunction;
  error: ValidateFunction;
}

const COMPONENTS = 'twilio_api_v2010';

/** Reference §5.3: Ajv over the spec's components, Twilio's formats and relative "uri"s. */
function twilioAjv(spec: any): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat(
    'date-time-rfc-2822',
    /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/,
  );
  for (const f of ['phone-number', 'currency', 'uri-map', 'http-method']) ajv.addFormat(f, true);
  ajv.addFormat('uri', /^(?:[a-z][a-z0-9+.-]*:|\/)\S*$/i);
  ajv.addSchema({ $id: COMPONENTS, components: spec.components });
  return ajv;
}

/** The JSON schema of an operation's 200 response, its $refs pointing at the components twilioAjv registered. */
function responseSchema(spec: any, path: string, method: 'get' | 'post'): object {
  const schema = spec.paths[path][method].responses['200'].content['application/json'].schema;
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components', `"${COMPONENTS}#/components`));
}

/** The 200 response schema of one operation of Twilio's description, and `overlay` (the fields a test requires). */
export function responseValidator(path: string, method: 'get' | 'post', overlay: object): ValidateFunction {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
  return twilioAjv(spec).compile({ allOf: [responseSchema(spec, path, method), overlay] });
}

/** Reference §5.3: the message, list page and error validators, with a strict overlay. */
export function loadValidators(): Validators {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
  const ajv = twilioAjv(spec);
  const ref = `#/components/schemas/api.v2010.account.message`;
  const listSchema = responseSchema(spec, '/2010-04-01/Accounts/{AccountSid}/Messages.json', 'get');
  const strictMessage = {
    allOf: [
      { $ref: `${COMPONENTS}${ref}` },
      {
        required: MESSAGE_FIELDS,
        additionalProperties: false,
        properties: Object.fromEntries(MESSAGE_FIELDS.map((f) => [f, true])),
      },
    ],
  };
  return {
    message: ajv.compile(strictMessage),
    list: ajv.compile({
      allOf: [
        listSchema,
        {
          required: LIST_FIELDS,
          additionalProperties: false,
          properties: {
            ...Object.fromEntries(LIST_FIELDS.map((f) => [f, true])),
            messages: { type: 'array', items: strictMessage },
          },
        },
      ],
    }),
    // The spec has no error schema (§5.2); Twilio's error body per §3.1, `detail` optional.
    error: ajv.compile({
      type: 'object',
      required: ['code', 'message', 'more_info', 'status'],
      additionalProperties: false,
      properties: {
        code: { type: 'integer' },
        message: { type: 'string', minLength: 1 },
        more_info: { type: 'string', pattern: '^https://www\\.twilio\\.com/docs/errors/\\d+$' },
        status: { type: 'integer', minimum: 400, maximum: 599 },
        detail: { type: 'string' },
      },
    }),
  };
}
