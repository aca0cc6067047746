import type { Flo, Flopack } from '../flopack/types.js';
import {
  AUTHPING_FLOW_NAME,
  CUSTOM_API_ACTION_NAME,
  FLOPACK_FLAGS,
  FLOPACK_VERSION,
  GENERATED_CREATED,
  REVOKE_FLOW_NAME,
  HTTP_HELPER_FLOW_NAME,
  configValueFlowName,
  dynamicFieldFlowName,
  dynamicFieldsFlowName,
  dynamicValueFlowName,
  dynamicValuesFlowName,
  pageFlowName,
  deregistrationFlowName,
  registrationFlowName,
} from '../connector/contract.js';
import { isWebhookEvent } from '../spec/webhook-event.js';
import type { FlowKind } from '../connector/flow-kinds.js';
import type { Action, ConnectorSpec, WebhookEvent } from '../spec/types.js';

/** A flow of the generated connector, with the spec action it was generated from (action flows). */
export interface GeneratedFlow {
  kind: FlowKind;
  name: string;
  floId: string;
  action?: Action;
  /** The webhook event a webhook, registration or deregistration flow belongs to. */
  webhookEvent?: WebhookEvent;
}
import { buildActionFlow } from './action-flow.js';
import { buildAuthpingFlow } from './authping-flow.js';
import { buildCapiaFlow } from './capia-flow.js';
import { GenerationContext } from './generation-context.js';
import { buildHelperFlow } from './helper-flow.js';
import { buildPageFlow } from './pagination.js';
import { buildEventFlow } from './event-flow.js';
import {
  buildItemFlow,
  buildListFlow,
  dropdownList,
  fieldsList,
  type DesignTimeList,
} from './dynamic-values.js';
import { buildRevokeFlow, revokeOf } from './revoke-flow.js';
import { buildConfigValueFlow } from './config-value-flow.js';
import { allConfigValues } from '../spec/auth-types.js';
import { buildDeregistrationFlow, buildRegistrationFlow, buildWebhookEventFlow } from './webhook-flows.js';

export interface GeneratedConnector {
  flopack: Flopack;
  flows: GeneratedFlow[];
}

/** A flow of the connector before it is built: what it is, its name and id, and how to build it. */
export interface PlannedFlow extends GeneratedFlow {
  build(): Flo;
}

/**
 * The connector's flows, in flopack order, each built only when asked: a large connector is then generated,
 * serialized and checked flow by flow (handoff-package/build.ts) and never held whole. `envelope` is the flopack
 * around them, with no flos yet. Every flow's name and id is known before any is built (a card that calls a flow
 * names it), and ids are drawn in the same order as before, so the bytes are those of `generateConnector`.
 */
export interface ConnectorPlan {
  flows: PlannedFlow[];
  envelope: Flopack;
}

export function planConnector(spec: ConnectorSpec): ConnectorPlan {
  const context = new GenerationContext(spec);
  const flows: PlannedFlow[] = [];
  const add = (
    kind: GeneratedFlow['kind'],
    name: string,
    floId: string,
    build: () => Flo,
    action?: Action,
    webhookEvent?: WebhookEvent,
  ) => {
    flows.push({
      kind,
      name,
      floId,
      ...(action ? { action } : {}),
      ...(webhookEvent ? { webhookEvent } : {}),
      build: () => {
        const flo = build();
        // The plan named the flow for the cards that call it: the built flow must carry that name and id.
        if (flo.name !== name || flo.id !== floId)
          throw new Error(
            `generated flow "${flo.name}" (${flo.id}) differs from its plan "${name}" (${floId})`,
          );
        return flo;
      },
    });
  };

  // Config values' helper flows first: Connector Builder's Authentication dialog chooses them (Choose Flow).
  for (const { config } of allConfigValues(spec)) {
    if (!config.helperFlow) continue;
    const name = configValueFlowName(config.label);
    const floId = context.floId(name);
    const helperFlow = config.helperFlow;
    add('config', name, floId, () => buildConfigValueFlow(context, { ...config, helperFlow }, floId));
  }
  add('helper', HTTP_HELPER_FLOW_NAME, context.helperFloId, () => buildHelperFlow(context));
  const authpingId = context.floId(AUTHPING_FLOW_NAME);
  add('authping', AUTHPING_FLOW_NAME, authpingId, () => buildAuthpingFlow(context, authpingId));
  for (const action of spec.actions ?? []) {
    // Design-time helper flows first: the sheet has a person build a flow before the card that chooses it.
    const valuesFloIds = new Map<string, string>();
    const addLists = (list: DesignTimeList): string => {
      const listId = context.floId(list.name);
      const itemId = context.floId(list.itemName);
      add('values', list.itemName, itemId, () => buildItemFlow(context, list, itemId), action);
      add('values', list.name, listId, () => buildListFlow(context, action, list, listId, itemId), action);
      return listId;
    };
    for (const option of action.options ?? []) {
      if (!option.dynamic) continue;
      const names = {
        list: dynamicValuesFlowName(action.name, option.label),
        item: dynamicValueFlowName(action.name, option.label),
      };
      valuesFloIds.set(
        option.key,
        addLists(dropdownList(action, { ...option, dynamic: option.dynamic }, names)),
      );
    }
    const group = action.dynamicInputs;
    const fieldsFloId = group
      ? addLists(
          fieldsList(action, group, {
            list: dynamicFieldsFlowName(action.name, group.label),
            item: dynamicFieldFlowName(action.name, group.label),
          }),
        )
      : undefined;
    const outputGroup = action.dynamicOutputs;
    const outputFieldsFloId = outputGroup
      ? addLists(
          fieldsList(
            action,
            outputGroup,
            {
              list: dynamicFieldsFlowName(action.name, outputGroup.label),
              item: dynamicFieldFlowName(action.name, outputGroup.label),
            },
            'output',
          ),
        )
      : undefined;
    const floId = context.floId(action.name);
    const pageName = pageFlowName(action.name);
    const pageFloId = action.pagination ? context.floId(pageName) : undefined;
    // The page helper first: the sheet has a person build it before the Paginate card that chooses it.
    if (pageFloId) add('page', pageName, pageFloId, () => buildPageFlow(context, action, pageFloId), action);
    add(
      'action',
      action.name,
      floId,
      () => buildActionFlow(context, action, floId, pageFloId, valuesFloIds, fieldsFloId, outputFieldsFloId),
      action,
    );
  }
  for (const event of spec.events ?? []) {
    if (!isWebhookEvent(event)) {
      const floId = context.floId(event.name);
      add('event', event.name, floId, () => buildEventFlow(context, event, floId));
      continue;
    }
    // The registration flows first: the sheet has a person build them before the card that chooses them.
    const registration = registrationFlowName(event.name);
    const deregistration = deregistrationFlowName(event.name);
    const registrationId = context.floId(registration);
    const deregistrationId = context.floId(deregistration);
    const floId = context.floId(event.name);
    add(
      'registration',
      registration,
      registrationId,
      () => buildRegistrationFlow(context, event, registrationId),
      undefined,
      event,
    );
    add(
      'deregistration',
      deregistration,
      deregistrationId,
      () => buildDeregistrationFlow(context, event, deregistrationId),
      undefined,
      event,
    );
    add('webhook', event.name, floId, () => buildWebhookEventFlow(context, event, floId), undefined, event);
  }
  if (spec.customApiAction !== false) {
    const floId = context.floId(CUSTOM_API_ACTION_NAME);
    add('capia', CUSTOM_API_ACTION_NAME, floId, () => buildCapiaFlow(context, floId));
  }
  const revoke = revokeOf(spec);
  if (revoke) {
    const floId = context.floId(REVOKE_FLOW_NAME);
    add('revoke', REVOKE_FLOW_NAME, floId, () => buildRevokeFlow(context, floId, revoke));
  }

  const envelope: Flopack = {
    type: 'flopack',
    version: FLOPACK_VERSION,
    created: GENERATED_CREATED,
    flags: { ...FLOPACK_FLAGS },
    data: {
      flos: {},
      configs: {},
      tables: {},
      groups: {
        [context.groupId]: {
          id: context.groupId,
          data: { name: spec.displayName, description: spec.description ?? '', media_uri: '', path: '' },
        },
      },
    },
  };
  return { flows, envelope };
}

/**
 * The connector's flows as one flopack (v1.5.0, no checksum): httpHelper, _authping, one flow per action,
 * Custom API Action (unless disabled) and, for OAuth 2.0 with a revoke URL, _revoke — all in one folder named
 * after the connector. Ids derive from the spec, so the same spec gives byte-identical output
 * (see serializeFlopack). No connection value is ever read or written: the spec holds none.
 */
export function generateConnector(spec: ConnectorSpec): GeneratedConnector {
  const plan = planConnector(spec);
  const flos: Record<string, Flo> = {};
  for (const flow of plan.flows) flos[flow.floId] = flow.build();
  return {
    flopack: { ...plan.envelope, data: { ...plan.envelope.data, flos } },
    flows: plan.flows.map(generatedFlow),
  };
}

/** A planned flow without its builder. */
export function generatedFlow({ build: _build, ...flow }: PlannedFlow): GeneratedFlow {
  return flow;
}
