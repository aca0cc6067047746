/**
 * Card envelope and model defaults, one row per card kind (reference Appendix A addresses, Appendix B defaults).
 * `source` says where each row was copied from: a real card in the exports of test/fixtures/okta-workflows (or
 * the iamse `utilGetAccessToken.flow` export), or — for kinds with no local sample — the §1.7 catalogue, in which
 * case the description text and wrapper rules are inferred ([I]) and the IO keys come from the catalogue.
 */
export type CardKind =
  | 'callable'
  | 'accept'
  | 'return'
  | 'returnRaw'
  | 'throw'
  | 'throwIf'
  | 'continueIf'
  | 'tryCatch'
  | 'if'
  | 'noop'
  | 'join'
  | 'spawn'
  | 'let'
  | 'assignIf'
  | 'compose'
  | 'concat'
  | 'base64'
  | 'find'
  | 'construct'
  | 'merge'
  | 'get'
  | 'clearEmpty'
  | 'expand'
  | 'jsonParse'
  | 'jsonStringify'
  | 'urlEncode'
  | 'rawRequest';

export interface WrapperDefaults {
  extensible: boolean;
  rules?: Record<string, unknown>;
  groupRules?: Record<string, unknown>;
}

export interface CardDefaults {
  /** Kernel module (`control`, `string` …) or, for channel cards, the channel key (`httpfunctions`). */
  module: string;
  key: string;
  /** Channel cards only: `root:channels:http:<module>:<version>` with the numeric ids real exports carry. */
  channel?: {
    version: string;
    versionId: number;
    channelId: number;
    partnerChannelKeys: number;
    metadataId: number;
  };
  name: string;
  description: string | null;
  timeout: number;
  async: boolean;
  mirrored: boolean;
  executable: boolean;
  displayed: boolean;
  cooperative: boolean;
  policy: Record<string, unknown>;
  inputs: WrapperDefaults;
  outputs: WrapperDefaults;
  /** Extra model keys that follow `runtime` in real exports (`display`, `comments`, `enableNewMetadata`). */
  tail?: Record<string, unknown>;
  source: string;
}

const FINISH = { error: { type: 'finish' } };
const ANY = { '*': { types: ['*'], collection: '*' } };
const OPERANDS = {
  'left-operand': { types: ['object', 'string', 'number', 'Date', 'boolean'] },
  'right-operand': { types: ['object', 'string', 'number', 'Date', 'boolean'] },
};
/** The Helper Flow / API Endpoint group rules (identical in every real export). */
export const BODY_HEADERS_QUERY_RULES = {
  body: { type: 'object', reserved: {}, extensible: true },
  headers: { type: 'object', reserved: { 'Content-Type': 'string' }, extensible: true },
  query: { type: 'object', reserved: {}, extensible: true },
};

function kernel(
  module: string,
  key: string,
  name: string,
  description: string | null,
  source: string,
  rest: Partial<CardDefaults> = {},
): CardDefaults {
  return {
    module,
    key,
    name,
    description,
    timeout: 90000,
    async: false,
    mirrored: false,
    executable: false,
    displayed: true,
    cooperative: false,
    policy: FINISH,
    inputs: { extensible: false },
    outputs: { extensible: false },
    source,
    ...rest,
  };
}

const S = {
  sms: 'send_sms_via_twilio',
  http: 'make_api_requests_http_card',
  batch: 'process_batched_okta_events_from_an_event_hook',
  remove: 'remove_user_from_all_non_built_in_okta_groups',
  tel: 'telephony_inline_hook_whatsapp_sms',
  email: 'validate_email_domain_using_registration_inline_ho',
  capia: 'intro_custom_api_actions',
  auth0: 'iamse utilGetAccessToken.flow',
  pam: 'okta_privileged_access_secrets_utilities (templates repo)',
  catalogue: '[I] reference §1.7 catalogue (no local sample)',
};

export const CARD_DEFAULTS: Readonly<Record<CardKind, CardDefaults>> = deepFreeze({
  callable: kernel(
    'control',
    'callable',
    'Helper Flow',
    'Start a Flow that executes on-demand, i.e. called by another Flow or via the Invoke API.',
    S.batch,
    {
      timeout: 30000,
      mirrored: true,
      inputs: { extensible: true, rules: ANY, groupRules: BODY_HEADERS_QUERY_RULES },
      outputs: { extensible: true, rules: ANY, groupRules: { context: { extensible: false } } },
    },
  ),
  accept: kernel('http', 'accept', 'API Endpoint', 'Accept input to start a Flow.', S.email, {
    mirrored: true,
    inputs: { extensible: false, groupRules: {} },
    outputs: {
      extensible: false,
      rules: ANY,
      groupRules: { ...BODY_HEADERS_QUERY_RULES, context: { extensible: false } },
    },
  }),
  return: kernel(
    'control',
    'return',
    'Return',
    'End the Flow and return values to the caller of the Flow.',
    S.remove,
    {
      mirrored: true,
      inputs: { extensible: true, rules: ANY },
      outputs: { extensible: true, rules: ANY },
    },
  ),
  returnRaw: kernel(
    'control',
    'returnRaw',
    'Return Raw',
    'Return raw http data from a Flow to the caller, such as XML.',
    S.email,
    {
      mirrored: true,
    },
  ),
  throw: kernel('control', 'throw', 'Return Error', 'Throw an error and end the Flow.', S.auth0, {
    timeout: 10000,
    mirrored: true,
    inputs: {
      extensible: true,
      rules: { statusCode: { types: ['number'] }, message: { types: ['string'] }, ...ANY },
    },
    outputs: { extensible: true },
  }),
  throwIf: kernel(
    'control',
    'throwIf',
    'Return Error If',
    'Throw an error and end the Flow if a condition is true.',
    S.catalogue,
    {
      timeout: 10000,
      inputs: {
        extensible: false,
        rules: { ...OPERANDS, statusCode: { types: ['number'] }, message: { types: ['string'] } },
      },
    },
  ),
  continueIf: kernel(
    'control',
    'continueIf',
    'Continue If',
    "Stop the Flow if a condition isn't true.",
    S.capia,
    {
      inputs: { extensible: false, rules: OPERANDS },
    },
  ),
  tryCatch: kernel(
    'control',
    'tryCatch',
    'If Error',
    "Try a series of actions. If there's an error, run a different series of actions.",
    S.remove,
    {
      timeout: 300000,
      async: true,
      inputs: {
        extensible: true,
        groupRules: { context: { extensible: true, reserved: {}, type: 'object' } },
      },
      outputs: { extensible: true, rules: ANY },
      tail: { display: {} },
    },
  ),
  if: kernel(
    'control',
    'if',
    'If/Else',
    'Specify different actions to run based on whether or not a single condition is true.',
    S.http,
    {
      inputs: { extensible: false, rules: OPERANDS },
      outputs: { extensible: true },
    },
  ),
  noop: kernel('control', 'noop', 'Noop', 'No-op. Does not do anything.', S.auth0, {
    displayed: false,
    inputs: { extensible: true },
    outputs: { extensible: true },
  }),
  join: kernel(
    'control',
    'join',
    'Join',
    'A method for joining IO from multiple mutually exclusive if/else branches.',
    S.http,
    {
      inputs: { extensible: true, rules: ANY },
      outputs: { extensible: true, rules: ANY },
    },
  ),
  spawn: kernel(
    'control',
    'spawn',
    'Call Flow',
    'Call another Flow and wait for it to return its outputs.',
    S.catalogue,
    {
      timeout: 300000,
      async: true,
      inputs: { extensible: true, rules: ANY },
      outputs: { extensible: true, rules: ANY },
    },
  ),
  let: kernel('control', 'let', 'Assign', 'Create new output fields based on the input supplied.', S.http, {
    mirrored: true,
    inputs: { extensible: true, rules: ANY },
    outputs: { extensible: false, rules: ANY },
  }),
  assignIf: kernel(
    'control',
    'assignIf',
    'Assign If',
    'Choose a value based on a true/false condition.',
    S.pam,
    {
      inputs: {
        extensible: false,
        rules: {
          ...OPERANDS,
          valueIfTrue: { type: ['*'], collection: '*' },
          valueIfFalse: { type: ['*'], collection: '*' },
        },
      },
      outputs: { extensible: false, rules: { output: { type: ['*'], collection: '*' } } },
    },
  ),
  compose: kernel(
    'string',
    'compose',
    'Compose',
    'Enter free form text and optionally drag fields into your text like a mail merge.',
    S.capia,
    {
      inputs: { extensible: true, rules: { '*': { types: ['string'], collection: false } } },
    },
  ),
  concat: kernel('string', 'concat', 'Concatenate', 'Combine a list of text into a single text.', S.auth0, {
    inputs: { extensible: true, rules: { '*': { types: ['string'], collection: false } } },
  }),
  base64: kernel('string', 'base64', 'Base64', 'Encode text as Base64.', S.catalogue),
  find: kernel(
    'string',
    'find',
    'Find',
    'Search text for the first match. Returns the position, where 0 is the first position and -1 if not found.',
    S.pam,
  ),
  construct: kernel('object', 'construct', 'Construct', 'Create an object from multiple inputs.', S.capia, {
    inputs: { extensible: true, rules: ANY },
  }),
  merge: kernel('object', 'merge', 'Merge', 'Combine multiple objects into one.', S.http, {
    inputs: { extensible: true, rules: { '*': { types: ['object'], collection: false } } },
  }),
  get: kernel('object', 'get', 'Get', 'Read a value from an object at a given path.', S.batch, {
    inputs: {
      extensible: false,
      rules: { object: { types: ['object'], collection: '*' }, path: { types: ['string'], collection: '*' } },
    },
    outputs: { extensible: false, rules: { output: { types: ['*'], collection: '*' } } },
  }),
  clearEmpty: kernel(
    'object',
    'clearEmpty',
    'Clear Empty',
    'Remove keys with empty values from an object.',
    S.catalogue,
  ),
  expand: kernel(
    'object',
    'expand',
    'expand',
    'Pick a set of keys out of an object with lists of keys.',
    S.tel,
    {
      timeout: 30000,
      displayed: false,
      outputs: {
        extensible: true,
        groupRules: {
          '*': {
            type: 'object',
            reserved: {
              key: { types: ['string'], collection: '*' },
              value: { types: ['*'], collection: '*' },
            },
            extensible: false,
          },
        },
      },
    },
  ),
  jsonParse: kernel('json', 'parse', 'Parse', 'Parse a JSON string into an object or list.', S.http, {
    timeout: 30000,
    executable: true,
    outputs: {
      extensible: false,
      rules: { output: { types: ['string', 'number', 'Date', 'object', 'boolean'], collection: '*' } },
    },
  }),
  jsonStringify: kernel(
    'json',
    'stringify',
    'Stringify',
    'Convert an object or list into a JSON string.',
    S.catalogue,
    {
      timeout: 30000,
      executable: true,
    },
  ),
  urlEncode: kernel(
    'url',
    'encodeComponent',
    'Encode Component',
    'Encode text for use in a URL or a form body.',
    S.catalogue,
  ),
  rawRequest: {
    ...kernel('httpfunctions', 'raw', 'Raw Request', null, S.http),
    channel: { version: '1.0.11', versionId: 216, channelId: 72, partnerChannelKeys: 65, metadataId: 11851 },
    timeout: 30000,
    async: true,
    executable: true,
    policy: FINISH,
    inputs: {
      extensible: false,
      rules: {},
      groupRules: { Request: { extensible: false, reserved: {}, index: 0, type: 'object' } },
    },
    outputs: {
      extensible: false,
      rules: {},
      groupRules: { Response: { extensible: false, reserved: {}, index: 0, type: 'object' } },
    },
    tail: {
      display: {},
      comments:
        'Perform a raw HTTP request, with complete control over the request and the response. Useful for calling XML services, and other advanced HTTP usage.',
      enableNewMetadata: true,
    },
  },
});

/** Operator choices of If/Else, Continue If, Assign If and Return Error If (real `metadata.choices`). */
export const OPERATOR_CHOICES = deepFreeze([
  { value: '==', label: 'equal to' },
  { value: '!=', label: 'not equal' },
  { value: '>=', label: 'greater than or equal' },
  { value: '<=', label: 'less than or equal' },
  { value: '>', label: 'greater than' },
  { value: '<', label: 'less than' },
  { value: '%', label: 'a multiple of' },
  { value: 'in', label: 'in' },
  { value: 'not in', label: 'not in' },
  { value: 'has', label: 'has key' },
  { value: "doesn't have", label: "doesn't have key" },
  { value: 'is empty', label: 'is empty' },
  { value: 'is not empty', label: 'is not empty' },
] as const);

export type Operator = (typeof OPERATOR_CHOICES)[number]['value'];

/** The `available` list real custom fields carry. */
export const ALL_TYPES: readonly string[] = deepFreeze([
  'string',
  'number',
  'boolean',
  'Date',
  'Array',
  'object',
  'file',
  'flo',
  'folder',
]);

/** Freezes a constant and everything in it, so sharing it between cards can never leak a change. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
