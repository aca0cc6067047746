import {
  AUTHPING_FLOW_NAME,
  CUSTOM_API_ACTION_NAME,
  HTTP_HELPER_FLOW_NAME,
  REVOKE_FLOW_NAME,
} from './contract.js';

/**
 * What a flow of a connector is: the helper, the health check, an action card, the Custom API Action, revoke, or a
 * paginated action's page helper flow (Paginate's helper), or a dynamic dropdown's flows (its list and the
 * processing flow per item), or an event card's flow (a polling monitor), a webhook event's flow and its
 * registration and deregistration helper flows, or a config value's helper flow (its value from the service, e.g. a
 * session token).
 */
export type FlowKind =
  | 'helper'
  | 'authping'
  | 'action'
  | 'capia'
  | 'revoke'
  | 'page'
  | 'values'
  | 'event'
  | 'webhook'
  | 'registration'
  | 'deregistration'
  | 'config';

const BY_NAME: ReadonlyMap<string, Exclude<FlowKind, 'action'>> = new Map([
  [HTTP_HELPER_FLOW_NAME, 'helper'],
  [AUTHPING_FLOW_NAME, 'authping'],
  [REVOKE_FLOW_NAME, 'revoke'],
  [CUSTOM_API_ACTION_NAME, 'capia'],
] as const);

/** The kind a flow's name reserves in a connector (contract.ts), or undefined: any other name is an action's. */
export function flowKindOfName(name: string): Exclude<FlowKind, 'action'> | undefined {
  return BY_NAME.get(name);
}
