import { HTTP_FIELDS } from '../flopack/cards/http-functions/request.js';
import {
  FlowBuilder,
  addStartField,
  compose,
  helperFlowStart,
  rawRequest,
  returnWith,
  urlEncode,
} from '../flopack/builder/index.js';
import type { Flo } from '../flopack/types.js';
import { FORM_CONTENT_TYPE, HELPER_OUTPUTS, REVOKE_FLOW_NAME } from '../connector/contract.js';
import type { GenerationContext } from './generation-context.js';
import { authMethods } from '../spec/auth-types.js';
import type { ConnectorSpec } from '../spec/types.js';

/**
 * [I] `_revoke` (OAuth 2.0 with a revokeUrl): RFC 7009 token revocation, `token=<access_token>` form-encoded,
 * POSTed straight to the revoke endpoint with HTTP Raw Request; returns {status_code}.
 */
export function buildRevokeFlow(context: GenerationContext, floId: string, revokeUrl: string): Flo {
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(REVOKE_FLOW_NAME));
  const start = helperFlowStart(flow);
  const auth = addStartField(start, context.connectionField()).output;
  const token = urlEncode(flow, 'token', flow.path(auth, ['access_token']), 'Encode access token');
  const body = compose(flow, 'body', ['token=', token], 'Compose revoke body');
  const http = rawRequest(flow, 'request', {
    url: revokeUrl,
    method: 'POST',
    query: {},
    headers: { 'Content-Type': FORM_CONTENT_TYPE },
    body,
  });
  const ret = returnWith(flow, [
    [{ key: HELPER_OUTPUTS.statusCode, type: 'number' }, http.output(HTTP_FIELDS.statusCode)],
  ]);
  flow.chainAll(ret);
  return flow.build({
    id: floId,
    name: REVOKE_FLOW_NAME,
    description: 'Revoke the connection token',
    group: context.groupId,
  });
}

/** The revoke URL of the connector's OAuth 2.0 method (the first that has one: a connector has one `_revoke`). */
export function revokeUrlOf(spec: ConnectorSpec): string | undefined {
  for (const auth of authMethods(spec)) if (auth.type === 'oauth2' && auth.revokeUrl) return auth.revokeUrl;
  return undefined;
}
