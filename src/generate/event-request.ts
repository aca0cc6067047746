import type { CardHandle, FlowBuilder, OutputRef } from '../flopack/builder/index.js';
import { HELPER_OUTPUTS } from '../connector/contract.js';
import { optionalIn } from '../spec/empty-values.js';
import type { Action, ErrorHandling, Option, RequestTemplate } from '../spec/types.js';
import { callHelper } from './call-helper.js';
import { addErrorChecks } from './error-checks.js';
import type { GenerationContext } from './generation-context.js';
import { buildRequest } from './request.js';
import { TemplateScope } from './template-scope.js';

/** The request an event card's flow sends: a polling monitor's GET, a webhook's registration or deregistration. */
export interface EventRequest {
  name: string;
  description: string;
  request: RequestTemplate;
  options?: Option[];
  errors?: ErrorHandling;
}

/**
 * Sends an event's request through httpHelper and adds the usual error checks. An event reads like an action with
 * no inputs of its own, so its request, options and errors follow the action rules; its one `${inputs.*}` is what
 * the platform gives the flow (the Cursor, the Event URL, the Registration data), left out when empty only if
 * `input.optional`.
 */
export function callEventRequest(
  context: GenerationContext,
  flow: FlowBuilder,
  event: EventRequest,
  refs: {
    auth: OutputRef;
    options: Map<string, OutputRef>;
    input: { key: string; ref: OutputRef; optional: boolean };
  },
): CardHandle {
  const asAction: Action = {
    name: event.name,
    description: event.description,
    request: event.request,
    ...(event.options ? { options: event.options } : {}),
    ...(event.errors ? { errors: event.errors } : {}),
  };
  const optionalOfEvent = optionalIn(context.spec, asAction);
  const isInput = (source: string, key: string) => source === 'inputs' && key === refs.input.key;
  const scope = new TemplateScope(flow, {
    resolve(source, key) {
      const ref =
        source === 'connection'
          ? flow.path(refs.auth, [key])
          : source === 'options'
            ? refs.options.get(key)
            : isInput(source, key)
              ? refs.input.ref
              : undefined;
      if (!ref) throw new Error(`"${event.name}" references \${${source}.${key}}, which it does not have`);
      return ref;
    },
    optional: (source, key) => (isInput(source, key) ? refs.input.optional : optionalOfEvent(source, key)),
  });
  const call = callHelper(context, scope, refs.auth, buildRequest(scope, event.request));
  addErrorChecks(
    flow,
    asAction,
    call.output(HELPER_OUTPUTS.statusCode),
    call.output(HELPER_OUTPUTS.body),
    call.output(HELPER_OUTPUTS.errorMessage),
  );
  return call;
}
