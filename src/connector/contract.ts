/**
 * How a generated connector's flows talk to each other and to the platform: the one place for facts the public
 * material is silent on (Connector Builder's event cards, how connection values reach the helper). The builder
 * writes flows to this contract and the simulator drives them by it; change it here and both follow.
 * See README "What is inferred".
 */

/** Name of the helper flow every action calls (Connector Builder docs: httpHelper). */
export const HTTP_HELPER_FLOW_NAME = 'httpHelper';
/** Reserved name of the health-check flow (CBDE000004H/5H). */
export const AUTHPING_FLOW_NAME = '_authping';
export const REVOKE_FLOW_NAME = '_revoke';
/**
 * `_revoke` (help page revoke-method.htm) [V]: If Error around Call Flow httpHelper (relative URL, most likely
 * POST), then Assign `message`, e.g. "The access token was successfully revoked". [I]: the request body (RFC
 * 7009's `token=<access_token>`), the refused message for a status from 400, and the Return {message, status_code}.
 */
export const REVOKE = {
  revoked: 'The access token was successfully revoked',
  refusedPrefix: 'The service did not revoke the access token: HTTP ',
  outputs: { message: 'message' },
} as const;
export const CUSTOM_API_ACTION_NAME = 'Custom API Action';

/** httpHelper inputs, as Connector Builder's httpHelper page lists them [V]. */
export const HELPER_INPUTS = {
  relativeUrl: 'relative_url',
  method: 'request_method',
  query: 'query',
  headers: 'headers',
  body: 'body',
} as const;
/** httpHelper Return fields [V]. */
/**
 * [I] httpHelper's Return. `error_message` is ours: the service's message found once per request in the usual
 * places (ERROR_MESSAGE_FALLBACK_PATHS), so each action flow adds only its own `errors.messagePath`.
 */
export const HELPER_OUTPUTS = {
  statusCode: 'status_code',
  headers: 'headers',
  body: 'body',
  errorMessage: 'error_message',
} as const;

/**
 * The connection. In Connector Builder [V] every connector flow's start card has an Auth section the platform
 * fills: Connection plus one field per connection parameter; nobody passes it from flow to flow. The flopack [I]
 * stands in with one object input with this key on each start card (`{ username, password }` for basic auth,
 * `{ access_token }` for OAuth 2.0, plus one entry per connection parameter key), which Call Flow passes on so an
 * import into ordinary Workflows runs. The simulator fills it on every flow from the connection, as the platform
 * does (SimulateOptions.platformInputs), and the build sheet never asks a person to wire it through Call Flow.
 */
export const CONNECTION_INPUT_KEY = 'auth';
export const CONNECTION_INPUT_LABEL = 'Connection';

/**
 * Several authentication methods (help page authentication-multi.htm) [V]: up to five per connector; "the Auth
 * Selection Key is displayed. This key is passed to the Selected Auth field in the httpHelper flow to
 * differentiate authentication methods." [I]: the field's key in the flopack's `auth` object (`selected_auth`),
 * that it holds the chosen method's key, and that a connection without one uses the first method.
 */
export const SELECTED_AUTH = { key: 'selected_auth', label: 'Selected Auth', maxMethods: 5 } as const;

/**
 * Config Values "from a helper flow" (authentication-config-values.htm) [V]: a Label, Static Value or Value from
 * Helper Flow, Text or Password, Visible; "Helper flows can't use the connector's authentication to make a
 * request." [I]: the helper flow's name (`<Label> Config Value`), that it receives the connection's parameters as
 * the `auth` object and returns the value as one Return field `value`, and that the platform runs it when a
 * connection is created, storing the value in the connection under the config value's key (the simulator runs it
 * before each simulated run, as each run stands for a fresh connection).
 */
export const CONFIG_VALUE_FLOW = { output: 'value', nameSuffix: ' Config Value' } as const;
export const configValueFlowName = (label: string): string => `${label}${CONFIG_VALUE_FLOW.nameSuffix}`;

/**
 * [I] Action flows start with a Helper Flow card standing in for the Connector Action event card: options are
 * inputs in the `parameters` group with flags "p" (as option fields appear on real connector cards), inputs are
 * plain data inputs (group null, flags "d") keyed by the spec's input key; outputs are the Return card's inputs.
 */
export const OPTION_GROUP = 'parameters';

/**
 * [V] `_authping` ends with Return Status: `working` and `serviceResponse` (Okta's Slack walkthrough). The flopack
 * writes a Return card with these two fields as its stand-in (Return Status's address is unknown) [I].
 */
export const AUTHPING_OUTPUTS = { working: 'working', serviceResponse: 'serviceResponse' } as const;
/**
 * [V] The keys of `serviceResponse` (Okta's walkthrough: an Object Construct before Return Status). The walkthrough
 * types `responseBody` as text because its Raw Request returns text; ours is httpHelper's parsed `body` [I].
 */
export const SERVICE_RESPONSE_FIELDS = {
  statusCode: 'status_code',
  message: 'message',
  responseBody: 'responseBody',
} as const;

/** Custom API Action fields, as Connector Builder's CAPIA page names them [V]. */
export const CAPIA = {
  requestTypeOption: 'requestType',
  requestTypeLabel: 'Request Type',
  // Okta's order on the CAPIA page's Request Type dropdown (Static Values) [V].
  methods: ['GET', 'PATCH', 'POST', 'PUT', 'DELETE'] as const,
  inputs: { relativeUrl: 'Relative URL', query: 'Query', headers: 'Headers', body: 'Body' },
  outputs: { statusCode: 'Status Code', headers: 'Headers', body: 'Body' },
} as const;

// ---- Generator facts (src/generate). All [I] unless marked; README "What is inferred" explains each. ----

/** Export format version: 1.5.0 exports carry no checksum (reference §1.1) [V-stat]. */
export const FLOPACK_VERSION = '1.5.0';
/** Top-level flags, identical in every real export [V]. */
export const FLOPACK_FLAGS = {
  'auto-transform': true,
  looseBooleans: true,
  looseStrings: true,
  looseNulls: true,
};
/** `created` of every generated flopack: a fixed constant so the same spec gives the same bytes. */
export const GENERATED_CREATED = '2024-01-01T00:00:00.000Z';

/**
 * [I] How a request body travels to httpHelper. `body` (Object, as the Connector Builder docs type it) carries
 * JSON bodies as objects; the helper stringifies it when it is not empty. Form and text bodies are encoded in
 * the action flow and passed as text in the extra helper input `raw_body`, which wins over `body` when not empty.
 */
export const RAW_BODY_INPUT = 'raw_body';
/**
 * The JSON Content-Type (seed 001: the helper "adds a Content-Type: application/json header"). Sent only with a
 * body: each request sets its body's type in its headers; a GET or bodiless DELETE carries none (issue 12).
 */
export const DEFAULT_CONTENT_TYPE = 'application/json';
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const TEXT_CONTENT_TYPE = 'text/plain';
/**
 * [I] Header precedence in httpHelper: one Merge card over (default headers, caller's headers incl. Content-Type,
 * auth header) where later inputs win, so callers may override Accept but never Authorization.
 */
export const MERGE_ORDER = 'later inputs win' as const;

/** [I] Statuses treated as errors when an action does not list any (`>= 400`). */
export const DEFAULT_ERROR_STATUS_MIN = 400;
/** [I] The status an error found by `errors.when` (a flag in a 2xx body) reports, unless the spec says. */
export const DEFAULT_BODY_ERROR_STATUS = 400;
/** Default dot path of the service's error message in the parsed body. */
export const DEFAULT_ERROR_MESSAGE_PATH = 'message';
/**
 * [I] Where services put an error message, tried in order after the spec's `errors.messagePath` (first value
 * that is not empty wins): `message`, `{error: {message}}`, RFC 9457 problem details' `detail`, GitHub/GraphQL
 * `errors[0].message`, OAuth `error_description`, a bare `error` string.
 */
export const ERROR_MESSAGE_FALLBACK_PATHS = [
  'message',
  'error.message',
  'detail',
  'errors.0.message',
  'error_description',
  'error',
] as const;
/** The output path segment that means "from each item of this list" (`labels.*.name`). */
export const EACH_ITEM = '*';
/** When no path gives a message: `HTTP <status>: ` and at most this many characters of the body text. */
export const ERROR_BODY_EXCERPT_CHARS = 200;
/** Default healthy statuses of `_authping`. */
export const DEFAULT_HEALTHY_STATUSES = [200];

/** Okta's required-input message (Connector Builder best practice "Error handling") [V]. */
export function requiredInputMessage(label: string): string {
  return `No ${label} input provided. Enter a valid ${label}.`;
}
/** [I] Custom API Action: the Relative URL must start with `/` (the docs' "Text At" check; done with Find). */
export const CAPIA_RELATIVE_URL_MESSAGE =
  'Relative URL must start with /. Enter a valid Relative URL, e.g. /v1/items.';
/** [I] `_authping` messages. */
export const AUTHPING_MESSAGES = {
  healthy: 'The connection is working.',
  unhealthyPrefix: 'The service answered with HTTP status ',
} as const;

/**
 * [I] Optional values that are empty are never sent (the rule: src/spec/empty-values.ts): the droppable entries of
 * each query, header or JSON object go through Clear Empty (`object:clearEmpty`) and are merged after the entries
 * always sent; each optional form field is a `&Name=value` segment chosen by Assign If (`is empty` → no segment).
 * Card semantics the simulator needs for this: `is empty` is true for null, '', [] and {}; Clear Empty drops
 * top-level keys whose value is empty in that sense; Merge applies MERGE_ORDER.
 */
export const OPTIONAL_VALUE_STRATEGY = { object: 'clearEmpty', form: 'assignIf' } as const;

/**
 * [I] httpHelper's `body` output: the Raw Request body parsed with JSON Parse inside If Error; when parsing
 * fails (empty 204 body, text, XML) the error branch returns the text unchanged.
 */
export const HELPER_BODY_PARSING = 'json-or-text' as const;

/**
 * [V] What Connector Builder calls the cards that start and end each kind of flow, and the groups on them (Okta's
 * Slack walkthrough, card by card). The flopack holds a Helper Flow and a Return; the build sheet names them as a
 * person sees them on screen. The revoke flow's cards are not shown in Okta's material [I].
 */
export const CONNECTOR_BUILDER_CARDS = {
  start: {
    helper: 'On Demand Helper Flow',
    authping: 'On Demand - Connector Authping',
    action: 'On Demand - Connector Action',
    capia: 'On Demand - Connector Action',
    revoke: 'Helper Flow',
    page: 'On Demand Helper Flow',
    values: 'On Demand Helper Flow',
    event: 'Polling Monitor',
    config: 'On Demand Helper Flow',
    // Webhook events (help.okta.com connector-builder/webhook-event*.htm) [V].
    webhook: 'Webhook Event',
    registration: 'Webhook Registration',
    deregistration: 'Webhook Deregistration',
  },
  end: {
    helper: 'Flow Control - Return',
    authping: 'Flow Control - Return Status',
    action: 'Flow Control - Return Outputs',
    capia: 'Flow Control - Return Outputs',
    revoke: 'Flow Control - Return',
    page: 'Flow Control - Return',
    values: 'Flow Control - Return',
    event: 'Flow Control - Return Outputs',
    config: 'Flow Control - Return',
    // [I] Okta's webhook pages are silent on the end cards: Return Outputs (the event card's outputs) as for polling
    // monitors, and Return for the registration helper flows.
    webhook: 'Flow Control - Return Outputs',
    registration: 'Flow Control - Return',
    deregistration: 'Flow Control - Return',
  },
  /** The start card's section the platform fills with the connection: Connection, then one field per parameter. */
  authSection: 'Auth',
  connectionField: 'Connection',
  inputGroup: 'Static Input Group',
  optionGroup: 'Static Option Group',
  outputGroup: 'Static Output Group',
} as const;

/**
 * Connector Builder's Paginate card (HTTP › Paginate, help.okta.com function-reference/http/http_paginate) [V]: a
 * do-while over a helper flow. Its `object` input is passed to the helper flow (the object's keys are the helper's
 * inputs); the helper's result becomes the next object; the loop stops when the object no longer has the key named
 * in `path`, or after 5,000 iterations. [I]: the card's address (`httpfunctions:paginate`, beside Raw Request), that
 * the helper returns the new object as one Return field named `object`, and that the cap ends the loop with the
 * object as it is rather than an error.
 */
export const PAGINATE = {
  objectInput: 'object',
  pathInput: 'path',
  output: 'output',
  helperReturn: 'object',
  breakKey: 'break',
  maxIterations: 5000,
} as const;

/**
 * [I] The pagination object of a generated paginated action (spec `pagination`): the page helper's inputs.
 * `first_url` is the action's relative URL; `next` the page to fetch, relative to the base URL: the first URL, then
 * (nextUrl style) the first URL's path with the query of the URL the body names, which is how Twilio's
 * next_page_uri and most next links differ from page to page; `cursor` the cursor for the next page (cursor style);
 * `items` every item so far; `max_items` the action's Max Items input; `pages` one entry per page fetched (page style:
 * the page number is its length, as no card adds one without the Number app's unknown fields).
 */
export const PAGE_OBJECT = {
  firstUrl: 'first_url',
  next: 'next',
  cursor: 'cursor',
  query: 'query',
  headers: 'headers',
  items: 'items',
  maxItems: 'max_items',
  pages: 'pages',
} as const;
/**
 * link style: the response header naming the next page (RFC 8288 `<url>; rel="next"`, as GitHub, GitLab and Okta's
 * own API send it), read lower-cased like every response header. [I] Only the quoted `rel="next"` is recognised:
 * Okta's Text cards with known fields cannot match `rel=next` without quotes regardless of the spaces around it.
 */
export const LINK_HEADER = { name: 'link', relNext: 'rel="next"' } as const;
/** [I] A paginated action's Max Items input, and its default when the spec gives none. */
export const MAX_ITEMS_INPUT = { key: 'maxItems', label: 'Max Items', default: 1000 } as const;
/** [I] What a paginated action's outputs read (`from: body`): every item, and how many. */
export const PAGINATED_BODY = { items: 'items', count: 'count' } as const;
/** The name of an action's page helper flow: letters, digits and spaces only (CBDE000003H). */
export function pageFlowName(actionName: string): string {
  return `${actionName} Page`;
}

/**
 * The HTTP card's error handling in httpHelper (Connector Builder best practice "Rate limits") [V]: retry on 429 and
 * 504 by default, 3 times, waiting a random time between 1 and 3 minutes; 0 to 5 times, 1 to 5 minutes; "All error
 * codes" or "Specified errors" instead of rate limits. [I] How the flopack holds it: `model.policy.error` of the Raw
 * Request card as `{type: "finish", retry, delay}` (seen on real Raw Request cards) plus `delayMax` (ms) and
 * `statuses` (the statuses retried), and the simulator waits `delay` (the low end: deterministic, on its clock).
 */
export const HTTP_RETRY = {
  defaults: { on: 'rateLimits', times: 3, minMinutes: 1, maxMinutes: 3 },
  rateLimitStatuses: [429, 504],
  limits: { maxTimes: 5, minMinutes: 1, maxMinutes: 5 },
} as const;

/**
 * Dynamic dropdowns (Connector Builder, "Add a dynamic dropdown field: HTTP example") [V]: a helper flow returns the
 * list as `[{value: <shown>, key: <stored>}]`, built by a processing flow per item. [I]: the flows' names (the
 * option's `<Action> <Option> Values` and `… Value`), the list's Return key `options`, the processing flow's Return
 * key `item` (its inputs are the object's keys), and the option field's `metadata.dynamicValues: {flo}` naming the
 * flow.
 */
export const DYNAMIC_DROPDOWN = {
  itemLabel: 'value',
  itemValue: 'key',
  listReturn: 'options',
  itemReturn: 'item',
  metadataKey: 'dynamicValues',
} as const;
/**
 * Dynamic input groups (Connector Builder, "Add dynamic fields and groups", static group properties) [V]: a helper
 * flow returns the fields as `[{name, displayname, …}]`; at most one input group may be dynamic. [I]: the flows'
 * names (`<Action> <Group> Fields` and `… Field`), the Return key `fields`, and the group's stand-in on the flopack: one
 * object input keyed by the group's key with `metadata.dynamicFields: {flo}`, holding the values entered by name.
 */
export const DYNAMIC_FIELDS = {
  name: 'name',
  displayName: 'displayname',
  /** [V] Whether the card user must give a value (inputs only). */
  required: 'required',
  /** [V] The field's data type: required in Okta's shape; its values as the docs name them. */
  type: 'type',
  types: {
    text: 'Text',
    number: 'Number',
    boolean: 'True/False',
    datetime: 'Date & Time',
    object: 'Object',
  },
  listReturn: 'fields',
  metadataKey: 'dynamicFields',
} as const;
/** Flow names: letters, digits and spaces only (CBDE000003H). */
function flowNameOf(text: string): string {
  return text.replace(/[^A-Za-z0-9 ]+/g, ' ').replace(/ +/g, ' ');
}
export function dynamicFieldsFlowName(actionName: string, groupLabel: string): string {
  return flowNameOf(`${actionName} ${groupLabel} Fields`);
}
export function dynamicFieldFlowName(actionName: string, groupLabel: string): string {
  return flowNameOf(`${actionName} ${groupLabel} Field`);
}
export function dynamicValuesFlowName(actionName: string, optionLabel: string): string {
  return flowNameOf(`${actionName} ${optionLabel} Values`);
}
export function dynamicValueFlowName(actionName: string, optionLabel: string): string {
  return flowNameOf(`${actionName} ${optionLabel} Value`);
}

/**
 * Polling monitor events (Connector Builder "Build a polling monitor event flow", "Cursor") [V]: the event card's
 * Cursor output holds what the flow's Cursor card saved on the last run (empty on the first); the Cursor card's
 * Properties input has a 10 KB limit; Return Outputs returns the records. [I]: the flopack's stand-ins (a Helper
 * Flow card with a `cursor` input for the Polling Monitor card, `control:cursor` for the Cursor card), the first run
 * only setting the cursor (no backfill), and the Return keys `records` and `count`.
 */
export const POLLING = {
  cursorInput: 'cursor',
  cursorLimitBytes: 10 * 1024,
  records: 'records',
  count: 'count',
} as const;

/**
 * Webhook events (Connector Builder "Build a webhook event flow", "Register a webhook event", "Deregister a webhook
 * event") [V]: the Webhook Event card (options; a Webhook Registration section choosing a registration and a
 * deregistration helper flow) starts the flow each time the service posts to the Event URL; the registration flow
 * (event card "Webhook Event: Registration") runs when a user turns their flow on, gets the auto-generated **Event
 * URL** and inputs mapped from the event card's options, and registers the URL with the service; the deregistration
 * flow ("Webhook Event: Deregistration") runs when the flow is turned off and gets the **Registration data** the
 * registration flow stored (e.g. the service's webhook id) plus the mapped options.
 * [I]: the flopack's stand-ins (Helper Flow cards; the Event URL and Registration data as inputs with these keys;
 * the event card's options as inputs of the registration flows with the options' keys), the registration flow's
 * Return key for the Registration data, and how the delivery reaches the event flow: inputs `body` (the payload,
 * JSON or form fields parsed into an object), `headers` (names lower-cased) and `query`.
 */
export const WEBHOOK = {
  eventUrlInput: 'eventUrl',
  eventUrlLabel: 'Event URL',
  registrationDataInput: 'registrationData',
  registrationDataLabel: 'Registration data',
  registrationReturn: 'registrationData',
  delivery: { body: 'body', headers: 'headers', query: 'query' },
} as const;
export function registrationFlowName(eventName: string): string {
  return flowNameOf(`${eventName} Registration`);
}
export function deregistrationFlowName(eventName: string): string {
  return flowNameOf(`${eventName} Deregistration`);
}
