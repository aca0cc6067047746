import { HTTP_FIELDS } from '../flopack/cards/http-functions/request.js';
import {
  FlowBuilder,
  assignIf,
  compose,
  rawRequest,
  returnWith,
  urlEncode,
  type OutputRef,
} from '../flopack/builder/index.js';
import type { Flo } from '../flopack/types.js';
import { FORM_CONTENT_TYPE, HELPER_OUTPUTS, REVOKE, REVOKE_FLOW_NAME } from '../connector/contract.js';
import type { GenerationContext } from './generation-context.js';
import { authMethods } from '../spec/auth-types.js';
import type { ConnectorSpec, RequestTemplate } from '../spec/types.js';
import { buildRequest } from './request.js';
import { callHelper } from './call-helper.js';
import { guardedConnectionFlow } from './guarded-connection-flow.js';

/**
 * `_revoke`, as Okta's "Build a revoke flow" page builds it: If Error around Call Flow httpHelper with the revoke
 * endpoint's relative URL and POST (the connection's auth object passed on), then Assign `message` (the page's
 * example: "The access token was successfully revoked"). The request is RFC 7009's: `token=<access_token>`,
 * form-encoded. [I] (contract REVOKE): a status from 400 is reported in `message` rather than as the flow's
 * error, the Error branch's message is the error's, and the flow returns {message, status_code}. A revoke URL
 * outside the base URL cannot go through httpHelper (it composes base URL + relative URL), so that one request
 * is a Raw Request straight to the URL, still inside If Error. A custom (token) method's `revoke.request` is sent
 * through httpHelper as the spec writes it.
 */
export function buildRevokeFlow(context: GenerationContext, floId: string, revoke: RevokeSource): Flo {
  const { flow, guard, tf, innerAuth, scope } = guardedConnectionFlow(context, REVOKE_FLOW_NAME);
  const relative = revoke.request ? undefined : relativeRevokeUrl(context.spec.baseUrl, revoke.url);
  let status: OutputRef;
  if (revoke.request) {
    // A token-based custom method's own revoke request, as the spec writes it.
    const call = callHelper(context, scope, innerAuth, buildRequest(scope, revoke.request));
    status = call.output(HELPER_OUTPUTS.statusCode);
  } else if (relative !== undefined) {
    const body = revokeBody(tf, innerAuth);
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
    const body = revokeBody(tf, innerAuth);
    const http = rawRequest(tf, 'request', {
      url: revoke.url,
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

/** What `_revoke` sends: an OAuth 2.0 revoke URL (RFC 7009), or a custom method's own request. */
export type RevokeSource =
  { url: string; request?: undefined } | { url?: undefined; request: RequestTemplate };

/** The connector's revoke (the first method that has one: a connector has one `_revoke`). */
export function revokeOf(spec: ConnectorSpec): RevokeSource | undefined {
  for (const auth of authMethods(spec)) {
    if (auth.type === 'oauth2' && auth.revokeUrl) return { url: auth.revokeUrl };
    if (auth.type === 'custom' && auth.revoke) return { request: auth.revoke.request };
  }
  return undefined;
}

/** RFC 7009's body: `token=<access_token>`, form-encoded. */
function revokeBody(flow: FlowBuilder, auth: OutputRef): OutputRef {
  const token = urlEncode(flow, 'token', flow.path(auth, ['access_token']), 'Encode access token');
  return compose(flow, 'body', ['token=', token], 'Compose revoke body');
}
