import {
  FlowBuilder,
  addStartField,
  assignIf,
  encodeQuery,
  find,
  helperFlowStart,
  jsonStringify,
  merge,
  returnWith,
  throwIf,
  toLowerCase,
  type OutputRef,
  type Value,
} from '../flopack/builder/index.js';
import type { Flo } from '../flopack/types.js';
import {
  CAPIA,
  CAPIA_RELATIVE_URL_MESSAGE,
  CUSTOM_API_ACTION_NAME,
  DEFAULT_CONTENT_TYPE,
  FORM_CONTENT_TYPE,
  HELPER_OUTPUTS,
  OPTION_GROUP,
  requiredInputMessage,
} from '../connector/contract.js';
import { callHelper } from './call-helper.js';
import type { GenerationContext } from './generation-context.js';
import { TemplateScope } from './template-scope.js';

/**
 * Custom API Action (Connector Builder CAPIA page): option Request Type (GET, PATCH, POST, PUT, DELETE,
 * required), inputs Relative URL (required, must start with `/`), Query, Headers, Body; Call Flow httpHelper;
 * outputs Status Code, Headers, Body. Error statuses are returned, not thrown: the caller decides.
 */
export function buildCapiaFlow(context: GenerationContext, floId: string): Flo {
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(CUSTOM_API_ACTION_NAME));
  const start = helperFlowStart(flow);
  const auth = addStartField(start, context.connectionField()).output;
  const method = addStartField(start, {
    key: CAPIA.requestTypeOption,
    group: OPTION_GROUP,
    flags: 'p',
    type: 'string',
    required: true,
    metadata: {
      displayname: CAPIA.requestTypeLabel,
      choices: CAPIA.methods.map((m) => ({ value: m, label: m })),
    },
  }).output;
  const field = (key: string, type: 'string' | 'object', required = false) =>
    addStartField(start, { key, type, required, metadata: { displayname: key } }).output;
  const relativeUrl = field(CAPIA.inputs.relativeUrl, 'string', true);
  const query = field(CAPIA.inputs.query, 'object');
  const headers = field(CAPIA.inputs.headers, 'object');
  const body = field(CAPIA.inputs.body, 'object');

  const label = CAPIA.inputs.relativeUrl;
  throwIf(
    flow,
    'require/url',
    { left: relativeUrl, operator: 'is empty' },
    { statusCode: 400, message: requiredInputMessage(label) },
    `Require ${label}`,
  );
  const slash = find(flow, 'url/slash', relativeUrl, '/', 'Find leading slash');
  throwIf(
    flow,
    'url/check',
    { left: slash, operator: '!=', right: 0, type: 'number' },
    { statusCode: 400, message: CAPIA_RELATIVE_URL_MESSAGE },
    'Relative URL starts with /',
  );

  const scope = new TemplateScope(flow, {
    resolve: () => {
      throw new Error('the Custom API Action has no templates');
    },
    optional: () => false,
  });
  const request = capiaBody(flow, method, headers, body);
  const call = callHelper(context, scope, auth, { relativeUrl, method, query, ...request });

  const ret = returnWith(flow, [
    [{ key: CAPIA.outputs.statusCode, type: 'number' }, call.output(HELPER_OUTPUTS.statusCode)],
    [{ key: CAPIA.outputs.headers, type: 'object' }, call.output(HELPER_OUTPUTS.headers)],
    [{ key: CAPIA.outputs.body, type: 'object' }, call.output(HELPER_OUTPUTS.body)],
  ]);
  flow.chainAll(ret);
  return flow.build({
    id: floId,
    name: CUSTOM_API_ACTION_NAME,
    description: `Make an authenticated HTTP request to the ${context.spec.displayName} API.`,
    group: context.groupId,
  });
}

/**
 * The Body as the caller's Content-Type says: form-encoded (Encode Query → `raw_body`) when the Headers name
 * `application/x-www-form-urlencoded`, JSON otherwise; `Content-Type: application/json` is added only when
 * there is a Body, the method is not GET and the caller set no Content-Type. Headers are searched
 * case-insensitively in their JSON text (To Lower Case of JSON Stringify), since Okta has no card that reads a key
 * regardless of case.
 */
function capiaBody(
  flow: FlowBuilder,
  method: OutputRef,
  headers: OutputRef,
  body: OutputRef,
): { headers: Value; body: Value; rawBody: Value } {
  const text = toLowerCase(
    flow,
    'content-type/text',
    jsonStringify(flow, 'content-type/json', headers, 'Stringify headers'),
    'Lower-case headers',
  );
  const typeAt = find(flow, 'content-type/find', text, '"content-type":', 'Find Content-Type');
  const formAt = find(
    flow,
    'content-type/form',
    text,
    `"content-type":"${FORM_CONTENT_TYPE}`,
    'Find form Content-Type',
  );
  const rawBody = assignIf(
    flow,
    'body/form',
    { left: formAt, operator: '>=', right: 0, type: 'number' },
    encodeQuery(flow, 'body/encode', body, 'Encode form body'),
    '',
    'string',
    'Form body if form Content-Type',
  );
  const jsonType = assignIf(
    flow,
    'content-type/json-if-body',
    { left: body, operator: 'is empty', type: 'object' },
    {},
    { 'Content-Type': DEFAULT_CONTENT_TYPE },
    'object',
    'JSON Content-Type if Body',
  );
  // A GET sends no body (the HTTP card drops it), so no Content-Type either.
  const unlessGet = assignIf(
    flow,
    'content-type/unless-get',
    { left: method, operator: '==', right: 'GET' },
    {},
    jsonType,
    'object',
    'JSON Content-Type unless GET',
  );
  const defaultType = assignIf(
    flow,
    'content-type/default',
    { left: typeAt, operator: '>=', right: 0, type: 'number' },
    {},
    unlessGet,
    'object',
    'Default Content-Type unless set',
  );
  const allHeaders = merge(flow, 'headers', [defaultType, headers], 'Merge Content-Type and Headers');
  // A form Body whose values are all empty encodes to nothing: it must not fall back to JSON in httpHelper.
  const jsonBody = assignIf(
    flow,
    'body/json',
    { left: formAt, operator: '>=', right: 0, type: 'number' },
    {},
    body,
    'object',
    'JSON body unless form',
  );
  return { headers: allHeaders, body: jsonBody, rawBody };
}
