import type { Flo, Flopack } from '../flopack/types.js';
import {
  AUTHPING_FLOW_NAME,
  CUSTOM_API_ACTION_NAME,
  FLOPACK_FLAGS,
  FLOPACK_VERSION,
  GENERATED_CREATED,
  REVOKE_FLOW_NAME,
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

/**
 * The connector's flows as one flopack (v1.5.0, no checksum): httpHelper, _authping, one flow per action,
 * Custom API Action (unless disabled) and, for OAuth 2.0 with a revoke URL, _revoke — all in one folder named
 * after the connector. Ids derive from the spec, so the same spec gives byte-identical output
 * (see serializeFlopack). No connection value is ever read or written: the spec holds none.
 */
export function generateConnector(spec: ConnectorSpec): GeneratedConnector {
  const context = new GenerationContext(spec);
  const flows: GeneratedFlow[] = [];
  const flos: Record<string, Flo> = {};
  const add = (flo: Flo, kind: GeneratedFlow['kind'], action?: Action, webhookEvent?: WebhookEvent) => {
    flos[flo.id] = flo;
    flows.push({
      kind,
      name: flo.name,
      floId: flo.id,
      ...(action ? { action } : {}),
      ...(webhookEvent ? { webhookEvent } : {}),
    });
  };

  // Config values' helper flows first: Connector Builder's Authentication dialog chooses them (Choose Flow).
  for (const { config } of allConfigValues(spec)) {
    if (!config.helperFlow) continue;
    const name = configValueFlowName(config.label);
    add(
      buildConfigValueFlow(context, { ...config, helperFlow: config.helperFlow }, context.floId(name)),
      'config',
    );
  }
  add(buildHelperFlow(context), 'helper');
  add(buildAuthpingFlow(context, context.floId(AUTHPING_FLOW_NAME)), 'authping');
  for (const action of spec.actions ?? []) {
    // Design-time helper flows first: the sheet has a person build a flow before the card that chooses it.
    const valuesFloIds = new Map<string, string>();
    const addLists = (list: DesignTimeList): string => {
      const listId = context.floId(list.name);
      const itemId = context.floId(list.itemName);
      add(buildItemFlow(context, list, itemId), 'values', action);
      add(buildListFlow(context, action, list, listId, itemId), 'values', action);
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
    const pageFloId = action.pagination ? context.floId(pageFlowName(action.name)) : undefined;
    // The page helper first: the sheet has a person build it before the Paginate card that chooses it.
    const page = pageFloId ? buildPageFlow(context, action, pageFloId) : undefined;
    const actionFlow = buildActionFlow(
      context,
      action,
      floId,
      pageFloId,
      valuesFloIds,
      fieldsFloId,
      outputFieldsFloId,
    );
    if (page) add(page, 'page', action);
    add(actionFlow, 'action', action);
  }
  for (const event of spec.events ?? []) {
    if (!isWebhookEvent(event)) {
      add(buildEventFlow(context, event, context.floId(event.name)), 'event');
      continue;
    }
    // The registration flows first: the sheet has a person build them before the card that chooses them.
    const registration = registrationFlowName(event.name);
    const deregistration = deregistrationFlowName(event.name);
    add(buildRegistrationFlow(context, event, context.floId(registration)), 'registration', undefined, event);
    add(
      buildDeregistrationFlow(context, event, context.floId(deregistration)),
      'deregistration',
      undefined,
      event,
    );
    add(buildWebhookEventFlow(context, event, context.floId(event.name)), 'webhook', undefined, event);
  }
  if (spec.customApiAction !== false)
    add(buildCapiaFlow(context, context.floId(CUSTOM_API_ACTION_NAME)), 'capia');
  const revoke = revokeOf(spec);
  if (revoke) add(buildRevokeFlow(context, context.floId(REVOKE_FLOW_NAME), revoke), 'revoke');

  const flopack: Flopack = {
    type: 'flopack',
    version: FLOPACK_VERSION,
    created: GENERATED_CREATED,
    flags: { ...FLOPACK_FLAGS },
    data: {
      flos,
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
  return { flopack, flows };
}
