import { assignIf, compose, construct, returnWith } from '../flopack/builder/index.js';
import type { Flo } from '../flopack/types.js';
import {
  AUTHPING_FLOW_NAME,
  AUTHPING_MESSAGES,
  AUTHPING_OUTPUTS,
  DEFAULT_HEALTHY_STATUSES,
  HELPER_OUTPUTS,
  SERVICE_RESPONSE_FIELDS,
} from '../connector/contract.js';
import { conditionType } from './error-checks.js';
import { callHelper } from './call-helper.js';
import type { GenerationContext } from './generation-context.js';
import { buildRequest } from './request.js';
import { guardedConnectionFlow } from './guarded-connection-flow.js';

/**
 * `_authping` (Connector Builder "Connection health check"), as Okta's walkthrough builds it: If Error around
 * Call Flow httpHelper with the spec's ping request. Try: working = status is one of the healthy statuses, message
 * accordingly, the response body. Error: working false, status 0, the error's message. Then Object Construct
 * `serviceResponse` {status_code, message, responseBody} and Return Status {working, serviceResponse} (contract).
 */
export function buildAuthpingFlow(context: GenerationContext, floId: string): Flo {
  const { flow, guard, tf, innerAuth, scope } = guardedConnectionFlow(context, AUTHPING_FLOW_NAME);
  const call = callHelper(context, scope, innerAuth, buildRequest(scope, context.spec.authping.request));
  const status = call.output(HELPER_OUTPUTS.statusCode);
  const healthy = context.spec.authping.healthyStatuses?.length
    ? context.spec.authping.healthyStatuses
    : DEFAULT_HEALTHY_STATUSES;
  const healthyStatus = assignIf(
    tf,
    'working',
    healthy.length === 1
      ? { left: status, operator: '==', right: healthy[0]!, type: 'number' }
      : { left: status, operator: 'in', right: [...healthy], type: 'number' },
    true,
    false,
    'boolean',
    'Working if healthy status',
  );
  const when = context.spec.authping.healthyWhen;
  // And, where the service flags failures in a 2xx body (Slack's "ok"), only if the body says so too.
  const working = when
    ? assignIf(
        tf,
        'working/body',
        {
          left: tf.path(call.output(HELPER_OUTPUTS.body), when.path.split('.'), conditionType(when.equals)),
          operator: '==',
          right: when.equals,
          type: conditionType(when.equals),
        },
        healthyStatus,
        false,
        'boolean',
        `Working if ${when.path} is ${String(when.equals)}`,
      )
    : healthyStatus;
  const unhealthy = compose(
    tf,
    'unhealthy',
    // The status and what the service said (httpHelper's error_message: "Bad credentials", Slack's "invalid_auth"
    // with its 200), so a person sees why the connection fails.
    [AUTHPING_MESSAGES.unhealthyPrefix, status, ': ', call.output(HELPER_OUTPUTS.errorMessage), '.'],
    'Compose unhealthy message',
  );
  const message = assignIf(
    tf,
    'message',
    { left: working, operator: '==', right: true, type: 'boolean' },
    AUTHPING_MESSAGES.healthy,
    unhealthy,
    'string',
    'Message',
  );
  tf.chainAll(guard.tryReturn);

  const errorMessage = guard.errorFlow.path(guard.error, ['message']);
  guard.errorFlow.chainAll(guard.errorReturn);

  const outWorking = guard.output(AUTHPING_OUTPUTS.working, 'boolean', working, false);
  const outStatus = guard.output(SERVICE_RESPONSE_FIELDS.statusCode, 'number', status, 0);
  const outMessage = guard.output(SERVICE_RESPONSE_FIELDS.message, 'string', message, errorMessage);
  const outBody = guard.output(
    SERVICE_RESPONSE_FIELDS.responseBody,
    'object',
    call.output(HELPER_OUTPUTS.body),
    null,
  );

  const serviceResponse = construct(
    flow,
    'serviceResponse',
    [
      { key: SERVICE_RESPONSE_FIELDS.statusCode, type: 'number', value: outStatus },
      { key: SERVICE_RESPONSE_FIELDS.message, type: 'string', value: outMessage },
      { key: SERVICE_RESPONSE_FIELDS.responseBody, type: 'object', value: outBody },
    ],
    'Construct serviceResponse',
  );
  const ret = returnWith(flow, [
    [{ key: AUTHPING_OUTPUTS.working, type: 'boolean' }, outWorking],
    [{ key: AUTHPING_OUTPUTS.serviceResponse, type: 'object' }, serviceResponse],
  ]);
  flow.chainAll(ret);
  return flow.build({
    id: floId,
    name: AUTHPING_FLOW_NAME,
    description: 'Connection health check',
    group: context.groupId,
  });
}
