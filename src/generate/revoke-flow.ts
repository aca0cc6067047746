import { HTTP_FIELDS } from '../flopack/cards/http-functions/request.js';
import {
  FlowBuilder,
  TryCatch,
  addStartField,
  assignIf,
  compose,
  helperFlowStart,
  rawRequest,
  returnWith,
  urlEncode,
  type OutputRef,
} from '../flopack/builder/index.js';
import type { Flo } from '../flopack/types.js';
import { FORM_CONTENT_TYPE, HELPER_OUTPUTS, REVOKE, REVOKE_FLOW_NAME } from '../connector/contract.js';
import type { GenerationContext } from './generation-context.js';
import { authMethods } from '../spec/auth-types.js';
import type { ConnectorSpec } from '../spec/types.js';
import { callHelper } from './call-helper.js';
import { TemplateScope } from './template-scope.js';

/**
 * `_revoke`, as Okta's "Build a revoke flow" page builds it: If Error around Call Flow httpHelper with the revoke
 * endpoint's relative URL and POST (the connection's auth object passed on), then Assign `message` (the page's
 * example: "The access token was successfully revoked"). The request is RFC 7009's: `token=<access_token>`,
 * form-encoded. [I] (contract REVOKE): a status from 400 is reported in `message` rather than as the flow's
 * error, the Error branch's message is the error's, and the flow returns {message, status_code}. A revoke URL
 * outside the base URL cannot go through httpHelper (it composes base URL + relative URL), so that one request
 * is a Raw Request straight to the URL, still inside If Error.
 */
export function buildRevokeFlow(context: GenerationContext, floId: string, revokeUrl: string): Flo {
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(REVOKE_FLOW_NAME));
  const start = helperFlowStart(flow);
  const auth = addStartField(start, context.connectionField()).output;

  const guard = new TryCatch(flow, 'try', 'If Error');
  const tf = guard.tryFlow;
  const innerAuth = guard.wormhole(auth, 'try', context.connectionType());
  const token = urlEncode(tf, 'token', tf.path(innerAuth, ['access_token']), 'Encode access token');
  const body = compose(tf, 'body', ['token=', token], 'Compose revoke body');
  const relative = relativeRevokeUrl(context.spec.baseUrl, revokeUrl);
  let status: OutputRef;
  if (relative !== undefined) {
    const scope = new TemplateScope(tf, {
      resolve: (_source, key) => tf.path(innerAuth, [key]),
      optional: () => false,
    });
    const call = callHelper(context, scope, innerAuth, {
      relativeUrl: relative,
      method: 'POST',
      query: {},
      headers: { 'Content-Type': FORM_CONTENT_TYPE },
      body: {},
      rawBody: body,
    });
    status = call.output(HELPER_OUTPUTS.statusCode);
  } else {
    const http = rawRequest(tf, 'request', {
      url: revokeUrl,
      method: 'POST',
      query: {},
      headers: { 'Content-Type': FORM_CONTENT_TYPE },
      body,
    });
    status = http.output(HTTP_FIELDS.statusCode);
  }
  const refused = compose(tf, 'refused', [REVOKE.refusedPrefix, status], 'Compose refused message');
  const message = assignIf(
    tf,
    'message',
    { left: status, operator: '<', right: 400, type: 'number' },
    REVOKE.revoked,
    refused,
    'string',
    'Assign message',
  );
  tf.chainAll(guard.tryReturn);
  const errorMessage = guard.errorFlow.path(guard.error, ['message']);
  guard.errorFlow.chainAll(guard.errorReturn);
  const outMessage = guard.output(REVOKE.outputs.message, 'string', message, errorMessage);
  const outStatus = guard.output(HELPER_OUTPUTS.statusCode, 'number', status, 0);
  const ret = returnWith(flow, [
    [{ key: REVOKE.outputs.message, type: 'string' }, outMessage],
    [{ key: HELPER_OUTPUTS.statusCode, type: 'number' }, outStatus],
  ]);
  flow.chainAll(ret);
  return flow.build({
    id: floId,
    name: REVOKE_FLOW_NAME,
    description: `Revoke an access token from the ${context.spec.displayName} service`,
    group: context.groupId,
  });
}

/** The revoke URL relative to a static base URL it lies under (`/oauth/revoke`), or undefined. */
export function relativeRevokeUrl(baseUrl: string, revokeUrl: string): string | undefined {
  const base = baseUrl.replace(/\/+$/, '');
  if (base.includes('${') || !revokeUrl.startsWith(`${base}/`)) return undefined;
  return revokeUrl.slice(base.length);
}

/** The revoke URL of the connector's OAuth 2.0 method (the first that has one: a connector has one `_revoke`). */
export function revokeUrlOf(spec: ConnectorSpec): string | undefined {
  for (const auth of authMethods(spec)) if (auth.type === 'oauth2' && auth.revokeUrl) return auth.revokeUrl;
  return undefined;
}
