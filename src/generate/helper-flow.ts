import { HTTP_FIELDS } from '../flopack/cards/http-functions/request.js';
import {
  FlowBuilder,
  TryCatch,
  addStartField,
  assignIf,
  compose,
  construct,
  helperFlowStart,
  jsonParse,
  jsonStringify,
  merge,
  rawRequest,
  returnWith,
  type OutputRef,
  type Value,
} from '../flopack/builder/index.js';
import type { Flo } from '../flopack/types.js';
import {
  HELPER_INPUTS,
  HELPER_OUTPUTS,
  HTTP_HELPER_FLOW_NAME,
  RAW_BODY_INPUT,
} from '../connector/contract.js';
import { serviceErrorMessage } from './error-message.js';
import { httpRetryPolicy } from './retry-policy.js';
import type { GenerationContext } from './generation-context.js';
import { TemplateScope } from './template-scope.js';
import { templateParts, textValue } from './templates.js';
import { authParts, authValues } from './auth-header.js';

/**
 * httpHelper, as seed 001 describes it: the Authorization header from the connection (Basic: Concatenate
 * username:password → Base64 → "Basic " + …), default headers merged with the caller's, the URL from the base
 * URL (connection parameters filled in) and `relative_url`, one HTTP Raw Request, the body parsed as JSON when
 * it parses (If Error keeps the text otherwise), and Return {status_code, headers, body,
 * error_message} (error-message.ts).
 */
export function buildHelperFlow(context: GenerationContext): Flo {
  const spec = context.spec;
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(HTTP_HELPER_FLOW_NAME));
  const start = helperFlowStart(flow);
  const field = (key: string, type: 'string' | 'object') => addStartField(start, { key, type }).output;
  const auth = addStartField(start, context.connectionField()).output;
  const relativeUrl = field(HELPER_INPUTS.relativeUrl, 'string');
  const method = field(HELPER_INPUTS.method, 'string');
  const query = field(HELPER_INPUTS.query, 'object');
  const headers = field(HELPER_INPUTS.headers, 'object');
  const body = field(HELPER_INPUTS.body, 'object');
  const rawBody = field(RAW_BODY_INPUT, 'string');

  const connection = (key: string): OutputRef => flow.path(auth, [key]);
  const scope = new TemplateScope(flow, {
    resolve: (source, key) => {
      if (source !== 'connection')
        throw new Error(
          `the base URL and authentication may only use \${connection.*}, not \${${source}.${key}}`,
        );
      return connection(key);
    },
    optional: () => false,
  });

  // Authentication: a header, or (custom auth in the query) a query parameter; with several methods, the one the
  // connection's Selected Auth names (auth-header.ts).
  const authValuesBuilt = authValues(flow, scope, connection, spec);

  // Default headers may use ${connection.x}; Content-Type comes with a body only (the caller's headers).
  const defaultEntries = Object.entries(spec.defaultHeaders ?? {});
  const defaultHeaders = defaultEntries.length
    ? construct(
        flow,
        'headers/defaults',
        defaultEntries.map(([key, template]) => ({
          key,
          value: textValue(scope, `headers/defaults/${key}`, template, { name: `Compose ${key}` }),
        })),
        'Construct default headers',
      )
    : undefined;
  const { authHeaders, authQuery } = authParts(authValuesBuilt);
  const allHeaders = merge(
    flow,
    'headers/merge',
    [...(defaultHeaders ? [defaultHeaders] : []), headers, ...(authHeaders ? [authHeaders] : [])],
    'Merge headers',
  );
  const allQuery = authQuery ? merge(flow, 'query/merge', [query, authQuery], 'Merge query') : query;

  const base = templateParts(scope, spec.baseUrl.replace(/\/+$/, ''), { encodeRefs: true });
  const url = compose(flow, 'url', [...base, relativeUrl], 'Compose URL');

  // Body text: raw_body when given, else the JSON of body when it is not empty, else nothing (contract.ts).
  const json = jsonStringify(flow, 'body/json', body, 'Stringify body');
  const jsonOrEmpty = assignIf(
    flow,
    'body/json-or-empty',
    { left: body, operator: 'is empty', type: 'object' },
    '',
    json,
    'string',
    'JSON body if any',
  );
  const bodyText = assignIf(
    flow,
    'body/text',
    { left: rawBody, operator: 'is empty' },
    jsonOrEmpty,
    rawBody,
    'string',
    'Body text',
  );

  const http = rawRequest(flow, 'request', {
    url,
    method,
    query: allQuery,
    headers: allHeaders,
    body: bodyText,
  });
  // Connector Builder's error handling on the HTTP card: retry rate limits (or what the spec says) on its own.
  http.model.policy = { error: httpRetryPolicy(context.spec) };

  const parse = new TryCatch(flow, 'parse', 'If Error parse body');
  const tryText = parse.wormhole(http.output(HTTP_FIELDS.responseBody), 'try');
  const errorText = parse.wormhole(http.output(HTTP_FIELDS.responseBody), 'error');
  const parsed = jsonParse(parse.tryFlow, 'parse', tryText, 'Parse body');
  parse.tryFlow.chainAll(parse.tryReturn);
  parse.errorFlow.chainAll(parse.errorReturn);
  const parsedBody = parse.output(HELPER_OUTPUTS.body, 'object', parsed, errorText);

  const errorMessage = serviceErrorMessage(flow, http.output(HTTP_FIELDS.statusCode), parsedBody);

  const ret = returnWith(flow, [
    [{ key: HELPER_OUTPUTS.statusCode, type: 'number' }, http.output(HTTP_FIELDS.statusCode)],
    [{ key: HELPER_OUTPUTS.headers, type: 'object' }, http.output(HTTP_FIELDS.responseHeaders)],
    [{ key: HELPER_OUTPUTS.body, type: 'object' }, parsedBody],
    [{ key: HELPER_OUTPUTS.errorMessage, type: 'string' }, errorMessage],
  ]);
  flow.chainAll(ret);
  return flow.build({
    id: context.helperFloId,
    name: HTTP_HELPER_FLOW_NAME,
    description: 'This flow manages all authentication and http requests for the connector.',
    group: context.groupId,
  });
}
