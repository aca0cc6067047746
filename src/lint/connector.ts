import {
  AUTHPING_FLOW_NAME,
  CONNECTION_INPUT_KEY,
  HTTP_HELPER_FLOW_NAME,
  REVOKE_FLOW_NAME,
} from '../connector/contract.js';
import { isCallable, startCard } from './graph.js';
import type { LintModel } from './model.js';
import type { TopFlow } from './types.js';

export type FlowRole = 'authping' | 'revoke' | 'helper' | 'action';

/** A file is a connector project when it holds the flows only a connector has (reference §2.4–2.5). */
export function looksLikeConnector(model: LintModel): boolean {
  return model.flows.some((f) => f.name === HTTP_HELPER_FLOW_NAME || f.name === AUTHPING_FLOW_NAME);
}

/** Flow uuids that some card of the file calls (Call Flow, For Each...): those are helper flows. */
export function calledFlowIds(model: LintModel): Set<string> {
  const called = new Set<string>();
  for (const scope of model.scopes) {
    for (const card of scope.cards) {
      for (const io of card.inputs.values()) {
        if (io.value?.type === 'flo' && typeof io.value.data === 'string') called.add(io.value.data);
      }
    }
  }
  return called;
}

/**
 * Why a flow cannot be a system flow (Authping/Revoke): "The flow has no options or input fields" (reference §2.5).
 * Our flows carry the connection as one `auth` input (src/connector/contract.ts), which is allowed.
 */
export function notSystemShaped(flow: TopFlow): string | undefined {
  const start = startCard(flow.scope);
  if (!flow.scope || !start) return undefined;
  if (flow.scope.data.scheduled === true) return 'it is a scheduled flow';
  if (!isCallable(start)) return `it starts with "${start.name}" instead of a system event card`;
  const fields = [...start.inputs.values()]
    .filter((io) => io.group !== 'context' && io.key !== CONNECTION_INPUT_KEY)
    .map((io) => io.key);
  if (fields.length > 0)
    return `it has option or input fields (${fields.map((k) => JSON.stringify(k)).join(', ')})`;
  return undefined;
}

/** Several CBDE rules need the roles; the flows array is shared by every rule's context of one run. */
const rolesCache = new WeakMap<readonly TopFlow[], Map<TopFlow, FlowRole>>();

/** Authping/Revoke by reserved name; helpers by name or by being called; every other flow is an action flow. */
export function flowRoles(model: LintModel): Map<TopFlow, FlowRole> {
  const cached = rolesCache.get(model.flows);
  if (cached) return cached;
  const called = calledFlowIds(model);
  const roles = new Map<TopFlow, FlowRole>();
  for (const flow of model.flows) {
    if (flow.name === AUTHPING_FLOW_NAME && !notSystemShaped(flow)) roles.set(flow, 'authping');
    else if (flow.name === REVOKE_FLOW_NAME && !notSystemShaped(flow)) roles.set(flow, 'revoke');
    else if (flow.name === HTTP_HELPER_FLOW_NAME || called.has(flow.id)) roles.set(flow, 'helper');
    else roles.set(flow, 'action');
  }
  rolesCache.set(model.flows, roles);
  return roles;
}

export function namePointer(flow: TopFlow): string {
  return `${flow.pointer}/name`;
}
