import { CONNECTION_INPUT_KEY } from '../connector/contract.js';
import { flowKindOfName } from '../connector/flow-kinds.js';
import { singleRoot, type CardInfo, type FlopackReading, type FlowInfo } from '../flopack/read/index.js';

export type FlowRole = 'authping' | 'revoke' | 'helper' | 'action';

/** A file is a connector project when it holds the flows only a connector has (reference §2.4–2.5). */
export function looksLikeConnector(reading: FlopackReading): boolean {
  return reading.flows.some((f) => ['helper', 'authping'].includes(flowKindOfName(f.name) ?? ''));
}

/** Whether a card is a Helper Flow (`control:callable`) event card. */
export function isCallable(card: CardInfo | undefined): boolean {
  return card?.parts?.family === 'kernel' && card.tail === 'control:callable';
}

/** Flow uuids that some card of the file calls (Call Flow, For Each...): those are helper flows. */
export function calledFlowIds(reading: FlopackReading): Set<string> {
  const called = new Set<string>();
  for (const scope of reading.scopes) {
    for (const card of scope.cards) {
      for (const { field } of card.inputs.values()) {
        const value = field.value as { type?: unknown; data?: unknown } | undefined;
        if (value?.type === 'flo' && typeof value.data === 'string') called.add(value.data);
      }
    }
  }
  return called;
}

/**
 * Why a flow cannot be a system flow (Authping/Revoke): "The flow has no options or input fields" (reference §2.5).
 * Our flows carry the connection as one `auth` input (src/connector/contract.ts), which is allowed.
 */
export function notSystemShaped(flow: FlowInfo): string | undefined {
  const start = singleRoot(flow.scope);
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
const rolesCache = new WeakMap<readonly FlowInfo[], Map<FlowInfo, FlowRole>>();

/**
 * Authping/Revoke by reserved name (connector/flow-kinds.ts) and shape; helpers by name or by being called; every
 * other flow (the Custom API Action too) is an action flow.
 */
export function flowRoles(reading: FlopackReading): Map<FlowInfo, FlowRole> {
  const cached = rolesCache.get(reading.flows);
  if (cached) return cached;
  const called = calledFlowIds(reading);
  const roles = new Map<FlowInfo, FlowRole>();
  for (const flow of reading.flows) {
    const reserved = flowKindOfName(flow.name);
    if ((reserved === 'authping' || reserved === 'revoke') && !notSystemShaped(flow))
      roles.set(flow, reserved);
    else if (reserved === 'helper' || called.has(flow.id)) roles.set(flow, 'helper');
    else roles.set(flow, 'action');
  }
  rolesCache.set(reading.flows, roles);
  return roles;
}

const flowsById = new WeakMap<readonly FlowInfo[], Map<string, FlowInfo>>();

/** A top-level flow of the file by its id. */
export function flowById(reading: Pick<FlopackReading, 'flows'>, id: string): FlowInfo | undefined {
  let byId = flowsById.get(reading.flows);
  if (!byId) flowsById.set(reading.flows, (byId = new Map(reading.flows.map((f) => [f.id, f]))));
  return byId.get(id);
}
