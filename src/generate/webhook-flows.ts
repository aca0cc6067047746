import {
  FlowBuilder,
  addStartField,
  continueIf,
  helperFlowStart,
  returnWith,
  type CardHandle,
  type OutputRef,
  type Value,
} from '../flopack/builder/index.js';
import type { Flo } from '../flopack/types.js';
import {
  HELPER_OUTPUTS,
  WEBHOOK,
  deregistrationFlowName,
  registrationFlowName,
} from '../connector/contract.js';
import { parseTemplate } from '../spec/placeholders.js';
import type { ErrorHandling, RequestTemplate } from '../spec/types.js';
import type { WebhookEvent, WebhookSource } from '../spec/webhook-event.js';
import { callEventRequest } from './event-request.js';
import { conditionType } from './error-checks.js';
import { ioType } from './fields.js';
import type { GenerationContext } from './generation-context.js';
import { addOption } from './start-fields.js';
import { TemplateScope } from './template-scope.js';
import { textValue } from './templates.js';

/**
 * The registration flow of a webhook event (contract WEBHOOK): the Webhook Registration card's Event URL and the
 * event card's options (mapped onto its inputs) → httpHelper with `registration.request` → the usual error checks
 * → Return the Registration data (the body's `registration.keep`).
 */
export function buildRegistrationFlow(context: GenerationContext, event: WebhookEvent, floId: string): Flo {
  const name = registrationFlowName(event.name);
  return requestFlow(context, event, floId, {
    name,
    description: `Registers the Event URL of "${event.name}" with the service when a flow using the card is turned on.`,
    request: event.registration.request,
    errors: event.registration.errors,
    input: { key: WEBHOOK.eventUrlInput, label: WEBHOOK.eventUrlLabel },
    result: (flow, body) => [
      [
        {
          key: WEBHOOK.registrationReturn,
          type: 'string',
          metadata: { displayname: WEBHOOK.registrationDataLabel },
        },
        flow.path(body, event.registration.keep.split('.'), 'string'),
      ],
    ],
  });
}

/**
 * The deregistration flow: the Webhook Deregistration card's Registration data and the mapped options → httpHelper
 * with `deregistration.request` → the usual error checks → Return the status code.
 */
export function buildDeregistrationFlow(context: GenerationContext, event: WebhookEvent, floId: string): Flo {
  return requestFlow(context, event, floId, {
    name: deregistrationFlowName(event.name),
    description: `Removes the registration of "${event.name}" from the service when a flow using the card is turned off.`,
    request: event.deregistration.request,
    errors: event.deregistration.errors,
    input: { key: WEBHOOK.registrationDataInput, label: WEBHOOK.registrationDataLabel },
    result: (_flow, _body, status) => [[{ key: HELPER_OUTPUTS.statusCode, type: 'number' }, status]],
  });
}

type ReturnEntry = Parameters<typeof returnWith>[1][number];

interface RequestFlowSpec {
  name: string;
  description: string;
  request: RequestTemplate;
  errors: ErrorHandling | undefined;
  /** The platform-provided input (`${inputs.<key>}` in the request). */
  input: { key: string; label: string };
  result: (flow: FlowBuilder, body: OutputRef, status: OutputRef) => ReturnEntry[];
}

function requestFlow(
  context: GenerationContext,
  event: WebhookEvent,
  floId: string,
  spec: RequestFlowSpec,
): Flo {
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(spec.name));
  const start = helperFlowStart(flow);
  const auth = addStartField(start, context.connectionField()).output;
  const given = addStartField(start, {
    key: spec.input.key,
    type: 'string',
    required: true,
    metadata: { displayname: spec.input.label },
  }).output;
  // Okta: the event card's options are mapped onto the registration card's inputs (same keys here).
  const options = new Map<string, OutputRef>();
  for (const o of event.options ?? [])
    options.set(
      o.key,
      addStartField(start, {
        key: o.key,
        type: 'string',
        required: o.required ?? false,
        metadata: { displayname: o.label, ...(o.description ? { description: o.description } : {}) },
      }).output,
    );

  const call = callEventRequest(
    context,
    flow,
    {
      name: spec.name,
      description: spec.description,
      request: spec.request,
      ...(event.options ? { options: event.options } : {}),
      ...(spec.errors ? { errors: spec.errors } : {}),
    },
    { auth, options, input: { key: spec.input.key, ref: given, optional: false } },
  );
  const body = call.output(HELPER_OUTPUTS.body);
  const status = call.output(HELPER_OUTPUTS.statusCode);
  flow.chainAll(returnWith(flow, spec.result(flow, body, status)));
  return flow.build({ id: floId, name: spec.name, description: spec.description, group: context.groupId });
}

/**
 * The webhook event flow: the Webhook Event card (its options; the delivery as `body`, `headers`, `query`) →
 * Continue If on `payload.when` (a delivery that does not match ends the flow quietly) → each output read from the
 * delivery → Return Outputs.
 */
export function buildWebhookEventFlow(context: GenerationContext, event: WebhookEvent, floId: string): Flo {
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(event.name));
  const start = helperFlowStart(flow);
  const when = event.payload.when;
  const usesConnection =
    typeof when?.equals === 'string' &&
    parseTemplate(when.equals).parts.some((p) => p.kind === 'ref' && p.source === 'connection');
  const auth = usesConnection ? addStartField(start, context.connectionField()).output : undefined;
  const options = new Map<string, OutputRef>();
  for (const o of event.options ?? []) options.set(o.key, addOption(start, o));
  const delivery = deliveryInputs(start);

  if (when) {
    const scope = new TemplateScope(flow, {
      resolve(source, key) {
        const ref =
          source === 'connection' && auth
            ? flow.path(auth, [key])
            : source === 'options'
              ? options.get(key)
              : undefined;
        if (!ref)
          throw new Error(`event "${event.name}" references \${${source}.${key}}, which it does not have`);
        return ref;
      },
      optional: () => false,
    });
    const right: Value =
      typeof when.equals === 'string' ? textValue(scope, 'when/equals', when.equals) : when.equals;
    const type = typeof when.equals === 'string' ? 'string' : conditionType(when.equals);
    continueIf(
      flow,
      'when',
      { left: read(flow, delivery, when.from, when.path, type), operator: '==', right, type },
      'The delivery does not match the event',
      'Continue if the delivery is for this event',
    );
  }
  const entries: ReturnEntry[] = event.payload.outputs.map((o) => {
    const type = ioType(o.type);
    const list = o.list ?? false;
    return [
      {
        key: o.key,
        type,
        collection: list,
        metadata: { displayname: o.label, ...(o.description ? { description: o.description } : {}) },
      },
      read(flow, delivery, o.from, o.path, type, list),
    ];
  });
  flow.chainAll(returnWith(flow, entries));
  return flow.build({ id: floId, name: event.name, description: event.description, group: context.groupId });
}

type Delivery = Record<WebhookSource, OutputRef>;

function deliveryInputs(start: CardHandle): Delivery {
  const field = (key: string, label: string) =>
    addStartField(start, { key, type: 'object', data: {}, required: false, metadata: { displayname: label } })
      .output;
  return {
    body: field(WEBHOOK.delivery.body, 'Body'),
    headers: field(WEBHOOK.delivery.headers, 'Headers'),
    query: field(WEBHOOK.delivery.query, 'Query'),
  };
}

/** A value of the delivery: a dot path into the body or query, a header by its lower-cased name. */
function read(
  flow: FlowBuilder,
  delivery: Delivery,
  from: WebhookSource | undefined,
  path: string | undefined,
  type: ReturnType<typeof ioType>,
  list = false,
): OutputRef {
  const source = delivery[from ?? 'body'];
  if (!path) return source;
  const segments = from === 'headers' ? [path.toLowerCase()] : path.split('.');
  return flow.path(source, segments, type, list);
}
