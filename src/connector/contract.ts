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
export const HELPER_OUTPUTS = { statusCode: 'status_code', headers: 'headers', body: 'body' } as const;

/**
 * [I] The connection reaches every generated flow as one object input with this key on the flow's start card
 * (Connector Builder shows it as the card's "Connection"): `{ username, password }` for basic auth,
 * `{ access_token }` for OAuth 2.0, plus one entry per connection parameter key.
 */
export const CONNECTION_INPUT_KEY = 'auth';
export const CONNECTION_INPUT_LABEL = 'Connection';

/**
 * [I] Action flows start with a Helper Flow card standing in for the Connector Action event card: options are
 * inputs in the `parameters` group with flags "p" (as option fields appear on real connector cards), inputs are
 * plain data inputs (group null, flags "d") keyed by the spec's input key; outputs are the Return card's inputs.
 */
export const OPTION_GROUP = 'parameters';

/** [I] _authping returns these fields (the Azuqua ancestor used {working, statusCode, message}). */
export const AUTHPING_OUTPUTS = { working: 'working', statusCode: 'statusCode', message: 'message' } as const;

/** Custom API Action fields, as Connector Builder's CAPIA page names them [V]. */
export const CAPIA = {
  requestTypeOption: 'requestType',
  requestTypeLabel: 'Request Type',
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const,
  inputs: { relativeUrl: 'Relative URL', query: 'Query', headers: 'Headers', body: 'Body' },
  outputs: { statusCode: 'Status Code', headers: 'Headers', body: 'Body' },
} as const;
