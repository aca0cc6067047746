import { HTTP_FIELDS } from '../flopack/cards/http-functions/request.js';
import {
  FlowBuilder,
  addStartField,
  compose,
  helperFlowStart,
  isOutputRef,
  jsonParse,
  jsonStringify,
  rawRequest,
  returnWith,
  throwIf,
  type ComposePart,
  type Value,
} from '../flopack/builder/index.js';
import type { Flo } from '../flopack/types.js';
import { CONFIG_VALUE_FLOW, DEFAULT_ERROR_STATUS_MIN, configValueFlowName } from '../connector/contract.js';
import type { ConfigValue, ConfigValueHelper } from '../spec/types.js';
import type { GenerationContext } from './generation-context.js';
import { buildRequest } from './request.js';
import { TemplateScope } from './template-scope.js';
import { templateParts } from './templates.js';

/**
 * A config value's helper flow (Connector Builder: Config Values › Value from Helper Flow): the request the spec
 * gives, sent with HTTP Raw Request straight to its URL, because "helper flows can't use the connector's
 * authentication to make a request" (so not through httpHelper); it reads only the connection's parameters (the
 * `auth` object). A status from 400 ends the flow with an error naming the status; otherwise the JSON body is
 * parsed and the value at `value` is returned as Return `value` (contract CONFIG_VALUE_FLOW).
 */
export function buildConfigValueFlow(
  context: GenerationContext,
  config: ConfigValue & { helperFlow: ConfigValueHelper },
  floId: string,
): Flo {
  const name = configValueFlowName(config.label);
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(name));
  const start = helperFlowStart(flow);
  const auth = addStartField(start, context.connectionField()).output;
  const scope = new TemplateScope(flow, {
    resolve(source, key) {
      if (source !== 'connection')
        throw new Error(`a config value's request may only use \${connection.*}, not \${${source}.${key}}`);
      return flow.path(auth, [key]);
    },
    // Connection parameters are required unless `required: false` (empty-values.ts's rule for the connection).
    optional: (_source, key) =>
      (context.spec.connectionParameters ?? []).some((p) => p.key === key && p.required === false),
  });
  const helper = config.helperFlow;
  const req = buildRequest(scope, helper.request);
  const base = templateParts(scope, (helper.url ?? context.spec.baseUrl).replace(/\/+$/, ''), {
    encodeRefs: true,
  });
  // textValue gives literal text or one output: a Compose part either way.
  const url = compose(flow, 'url', [...base, req.relativeUrl as ComposePart], 'Compose URL');
  // The body as text: a JSON object body stringified, a form, text or list body as the request built it.
  const body: Value =
    helper.request.body?.encoding === 'json' && !Array.isArray(helper.request.body.fields)
      ? isOutputRef(req.body)
        ? jsonStringify(flow, 'body/json', req.body, 'Stringify body')
        : JSON.stringify(req.body)
      : req.rawBody;
  const http = rawRequest(
    flow,
    'request',
    { url, method: req.method, query: req.query, headers: req.headers, body },
    `Request ${config.label}`,
  );
  const status = http.output(HTTP_FIELDS.statusCode);
  throwIf(
    flow,
    'failed',
    { left: status, operator: '>=', right: DEFAULT_ERROR_STATUS_MIN, type: 'number' },
    {
      statusCode: status,
      message: compose(
        flow,
        'failed/message',
        [`${config.label}: the request failed with HTTP `, status],
        'Compose error',
      ),
    },
    'Return Error If the request failed',
  );
  const parsed = jsonParse(flow, 'parse', http.output(HTTP_FIELDS.responseBody), 'Parse body');
  const value = flow.path(parsed, helper.value.split('.'));
  const ret = returnWith(flow, [[{ key: CONFIG_VALUE_FLOW.output, type: 'string' }, value]]);
  flow.chainAll(ret);
  return flow.build({
    id: floId,
    name,
    description: `Computes the connection's ${config.label} (a config value) from the service.`,
    group: context.groupId,
  });
}
