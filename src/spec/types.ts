import type { ConfigValue } from './auth-types.js';

/**
 * The connector spec as authored (`connectors/<name>/connector.yaml`, `specVersion: 1`).
 * `schema/connector.schema.json` describes the same shape for editors and for the structural check;
 * keep the two in step (test/spec/schema.test.ts checks the Twilio spec and the init scaffold against both).
 *
 * Templated strings (paths, query, headers, body fields, base URL) may contain placeholders:
 *   ${inputs.<key>}       an action input
 *   ${options.<key>}      an action option (design-time)
 *   ${connection.<key>}   a connection parameter (e.g. ${connection.accountSid})
 * with literal text around them, e.g. "whatsapp:${inputs.to}". `$${` is a literal `${`.
 */
export type { WebhookEvent } from './webhook-event.js';
import type { WebhookEvent } from './webhook-event.js';

export interface ConnectorSpec {
  specVersion: 1;
  /** Machine name: lower-case letters, digits and underscores, starting with a letter (e.g. `twilio`). */
  name: string;
  displayName: string;
  description: string;
  /** Semantic version of the connector (e.g. `1.0.0`). */
  version: string;
  supportEmail: string;
  documentationUrl?: string;
  /** Path to an SVG or PNG icon, relative to the spec file. */
  icon?: string;
  /** Brand colour as `#RRGGBB`. */
  brandColor?: string;
  /** Which mock serves the connector offline: the bundled mock Twilio, or a mock of an OpenAPI description. */
  mock?: MockDeclaration;
  /** One method, or 2 to 5 a person picks from when creating a connection (each with `key` and `label`). */
  authentication: Authentication | Authentication[];
  connectionParameters?: ConnectionParameter[];
  /** Absolute https URL; may use ${connection.<key>} placeholders. */
  baseUrl: string;
  /** Headers sent with every request (besides auth and Content-Type), e.g. Accept. */
  defaultHeaders?: Record<string, string>;
  authping: Authping;
  actions: Action[];
  /** Include the Custom API Action flow (default true). */
  customApiAction?: boolean;
  /** Event cards: polling monitors, and webhook events (`type: webhook`). */
  events?: Array<PollingEvent | WebhookEvent>;
  /** The HTTP card's retries in httpHelper (Connector Builder's error handling); absent = its default. */
  retry?: RetryPolicy;
}

export type Authentication = BasicAuthentication | CustomAuthentication | OAuth2Authentication;

export interface BasicAuthentication extends AuthenticationExtras {
  type: 'basic';
  /** The relabelled Username field, e.g. `{ label: "API Key SID" }`. */
  username?: FieldLabel;
  /** The relabelled Password field, e.g. `{ label: "API Key Secret" }`. */
  password?: FieldLabel;
}

/** What every authentication method may add (Connector Builder's Authentication dialog): see auth-types.ts. */
export interface AuthenticationExtras {
  /** With several methods: the Auth Selection Key (httpHelper's Selected Auth holds it for a connection). */
  key?: string;
  /** With several methods: the display name a person picks when creating a connection. */
  label?: string;
  /** Config Values: values the connection holds besides what the person enters (a static value, or a helper flow's). */
  configValues?: ConfigValue[];
}

export type { ConfigValue, ConfigValueHelper } from './auth-types.js';
export interface FieldLabel {
  label: string;
  description?: string;
}

/** A secret (API key, token) sent in a header or query parameter. Its value comes from a connection parameter. */
export interface CustomAuthentication extends AuthenticationExtras {
  type: 'custom';
  placement: 'header' | 'query';
  /** Header or query parameter name, e.g. `Authorization` or `api_key`. */
  name: string;
  /** Value template, e.g. `Bearer ${connection.apiKey}`. */
  value: string;
  /**
   * A token-based method's revoke request (Okta: a revoke flow revokes "an OAuth 2.0 (or other token-based
   * authentication) token"): generates `_revoke`, sent through httpHelper; may use only `${connection.*}`.
   */
  revoke?: { request: RequestTemplate };
}

export interface OAuth2Authentication extends AuthenticationExtras {
  type: 'oauth2';
  grantType: 'authorization_code' | 'client_credentials';
  authorizeUrl?: string;
  tokenUrl: string;
  scopes?: string[];
  /** Scope separator used in the authorize request (default a space). */
  scopeSeparator?: string;
  /** Whether the platform refreshes tokens with a refresh token (default true for authorization_code). */
  refresh?: boolean;
  /** Revoke endpoint; when set, a `_revoke` flow is generated. */
  revokeUrl?: string;
  /**
   * Client credentials: how the client ID and secret reach the token URL (Connector Builder's Client Authentication
   * Type): `header` = HTTP Basic (client_secret_basic, Okta's recommendation and the default), `body` =
   * client_secret_post.
   */
  clientAuthentication?: 'header' | 'body';
}

export type ConnectionParameterType = 'text' | 'password' | 'dropdown';

export interface ConnectionParameter {
  key: string;
  label: string;
  type: ConnectionParameterType;
  required?: boolean;
  description?: string;
  /** For dropdowns. */
  values?: DropdownValue[];
  /** A regular expression the value must match, e.g. `^AC[0-9a-f]{32}$`. */
  pattern?: string;
}

export interface DropdownValue {
  label: string;
  value: string;
}

export interface Authping {
  request: RequestTemplate;
  /** Statuses that mean the connection works (default [200]). */
  healthyStatuses?: number[];
  /** Also required for a working connection: a value in the body (Slack answers 200 with `"ok": false`). */
  healthyWhen?: BodyCondition;
}

/** A value at a dot path of the parsed response body. */
export interface BodyCondition {
  path: string;
  equals: string | number | boolean;
}

export interface Action {
  /** The card name: letters, numbers and spaces only (Okta's rule, CBDE000003H). */
  name: string;
  description: string;
  options?: Option[];
  inputs?: Input[];
  outputs?: Output[];
  request: RequestTemplate;
  /** Follow the service's pages; the outputs then read `{items, count}` (contract PAGINATED_BODY). */
  pagination?: Pagination;
  /** A dynamic input group: its fields come from the service; `${inputs.<key>}` is the object of values entered. */
  dynamicInputs?: DynamicInputs;
  /** A dynamic output group: its fields come from the service; the values are an object in the response body. */
  dynamicOutputs?: DynamicOutputs;
  /** An extensible input group: the fields the card user adds arrive as one object, `${inputs.<key>}`. */
  extensibleInputs?: ExtensibleInputs;
  /** Connector Builder's Selected Outputs: `${inputs.<key>}` is the keys of the outputs the card user kept, as text. */
  selectedOutputs?: SelectedOutputs;
  errors?: ErrorHandling;
}

export interface ExtensibleInputs {
  key: string;
  label: string;
  description?: string;
}

export interface SelectedOutputs {
  key: string;
  /** Between the keys (default `,`, as Jira's `fields` and most field-selection parameters take them). */
  separator?: string;
  /** Which output group's selection (Okta adds one Selected Outputs field per group): default the static outputs. */
  group?: 'outputs' | 'dynamicOutputs';
}

/**
 * A polling monitor event card (contract POLLING): on each scheduled run, a GET for the records newer than the
 * cursor the last run saved (`${inputs.cursor}`), the records at `items`, the next cursor at `cursor` in the body.
 */
export interface PollingEvent {
  /** Polling is the default. */
  type?: 'polling';
  name: string;
  description: string;
  options?: Option[];
  request: RequestTemplate;
  /** Dot path of the records in the body; left out when the body is the list. */
  items?: string;
  cursor: string;
  errors?: ErrorHandling;
}

/** How a list action follows the service's pages (Connector Builder's Paginate card). */
export interface Pagination {
  /**
   * `nextUrl`: the body names the next page's URL; `cursor`: a cursor sent back as `cursorParam`; `offset`:
   * `offsetParam` is the number of items so far; `page`: `pageParam` counts pages from `firstPage`. Offset and page
   * stop at the first empty page. `link`: the response's `Link` header names the next page (`rel="next"`, RFC 8288).
   */
  style: 'nextUrl' | 'cursor' | 'offset' | 'page' | 'link';
  /** Dot path of the page's items in the body; left out when the body is the list (GitHub, Okta). */
  items?: string;
  /** nextUrl and cursor: dot path of the next URL or cursor in the body; empty or absent on the last page. */
  next?: string;
  cursorParam?: string;
  offsetParam?: string;
  pageParam?: string;
  firstPage?: 0 | 1;
  /** Default of the action's Max Items input (MAX_ITEMS_INPUT). */
  maxItems?: number;
}

export interface Option {
  key: string;
  label: string;
  /** Options are static dropdowns or free text chosen at design time. */
  type: 'text' | 'dropdown';
  required?: boolean;
  description?: string;
  values?: DropdownValue[];
  /** A dynamic dropdown: the values come from the service through a generated helper flow. */
  dynamic?: DynamicValues;
  default?: string;
}

/** Where a dynamic input group's fields come from: a GET, the list in its body, each item's key and label. */
/** Where a dynamic group's fields come from: a GET, the list in its body, each item's key and label. */
export interface DynamicFieldSource {
  key: string;
  label: string;
  request: RequestTemplate;
  /** Dot path of the list in the body; left out when the body is the list. */
  items?: string;
  /** Dot path in each item of the field's key. */
  name: string;
  /** Dot path in each item of the field's label (default: the key). */
  displayName?: string;
  /** The data type of every field (Okta's `type` key, default text); with `typeFrom`, of fields it does not map. */
  type?: FieldType;
  /** Each field's type from the item: the service's type at `path`, mapped to a spec type by `map`. */
  typeFrom?: { path: string; map: Record<string, FieldType> };
}

export interface DynamicInputs extends DynamicFieldSource {
  /**
   * Okta's second shape, "dynamic group properties": the helper flow returns the group's name and extensibility with
   * the fields (inputs only).
   */
  groupProperties?: { name?: string; extensible?: boolean };
  /** Dot path in each item of whether the card user must fill the field in (Okta's `required`, inputs only). */
  required?: string;
}

export interface DynamicOutputs extends DynamicFieldSource {
  /** Dot path in the action's response body of the object holding each field's value by its key ('' = the body). */
  path: string;
}

/** Where a dynamic dropdown's values come from: a GET, the list in its body, and each item's label and value. */
export interface DynamicValues {
  request: RequestTemplate;
  /** Dot path of the list in the body; left out when the body is the list. */
  items?: string;
  label: string;
  value: string;
}

export type FieldType = 'text' | 'number' | 'boolean' | 'datetime' | 'object';

export interface Input {
  key: string;
  label: string;
  type: FieldType;
  /** A list of `type`. */
  list?: boolean;
  required?: boolean;
  default?: unknown;
  /** Help text shown under the field. */
  description?: string;
}

export interface Output {
  key: string;
  label: string;
  type: FieldType;
  list?: boolean;
  description?: string;
  /** Where the value comes from: the HTTP status, a response header, or a path into the parsed body. */
  from: 'status' | 'headers' | 'body';
  /** For `headers`: the header name. For `body`: a dot path (`sid`, `messages.0.sid`); empty = the whole body. */
  path?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestTemplate {
  method: HttpMethod;
  /** Relative to baseUrl, starting with `/`; may hold placeholders (e.g. `/Messages/${inputs.sid}.json`). */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: RequestBody;
}

export type RequestBody =
  | { encoding: 'form'; fields: Record<string, string> }
  | { encoding: 'json'; fields: Record<string, unknown> | unknown[] }
  | { encoding: 'text'; contentType?: string; content: string };

export interface ErrorHandling {
  /** Statuses treated as errors (default: every status >= 400). Numbers or ranges like "400-499". */
  statuses?: Array<number | string>;
  /**
   * Dot path(s) into the response body for the message; with a list the first path that gives a value wins.
   * When none does, the usual places services put one are tried (ERROR_MESSAGE_FALLBACK_PATHS), then the start
   * of the body text.
   */
  messagePath?: string | string[];
  /** An error whatever the status, reported with `statusCode` (default 400): Slack's 200 with `"ok": false`. */
  when?: BodyCondition & { statusCode?: number };
}

/** The HTTP card's error handling in httpHelper (contract HTTP_RETRY); absent = Connector Builder's default. */
export interface RetryPolicy {
  /** `rateLimits` (429, 504), `allErrors` (every status from 400) or the statuses to retry. */
  on?: 'rateLimits' | 'allErrors' | number[];
  /** 0 to 5; 0 turns retrying off. */
  times?: number;
  /** Wait at least this many minutes (1 to 5) … */
  minMinutes?: number;
  /** … and at most this many (1 to 5). */
  maxMinutes?: number;
}

/** `mock: twilio` or `mock: {openapi: <path relative to the spec>}`. */
export type MockDeclaration = 'twilio' | { openapi: string };
