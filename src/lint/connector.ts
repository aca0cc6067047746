import { CONNECTION_INPUT_KEY } from '../connector/contract.js';
import { flowKindOfName } from '../connector/flow-kinds.js';
import { isObject, singleRoot, stringOr, type CardInfo, type FlowInfo } from '../flopack/read/index.js';
import type { FlowIndex, FlowSummary } from './summary.js';

export type FlowRole = 'authping' | 'revoke' | 'helper' | 'action';

/** A file is a connector project when it holds the flows only a connector has (reference §2.4–2.5). */
export function looksLikeConnector(flos: Record<string, unknown>): boolean {
  return Object.entries(flos).some(
    ([id, flo]) =>
      isObject(flo) && ['helper', 'authping'].includes(flowKindOfName(stringOr(flo.name) ?? id) ?? ''),
  );
}

/** Whether a card is a Helper Flow (`control:callable`) event card. */
export function isCallable(card: CardInfo | undefined): boolean {
  return card?.parts?.family === 'kernel' && card.tail === 'control:callable';
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

/** Several CBDE rules need the roles; the index is shared by every rule's context of one run. */
const rolesCache = new WeakMap<FlowIndex, Map<FlowSummary, FlowRole>>();

/**
 * Authping/Revoke by reserved name (connector/flow-kinds.ts) and shape; helpers by name or by being called; every
 * other flow (the Custom API Action too) is an action flow.
 */
export function flowRoles(index: FlowIndex): Map<FlowSummary, FlowRole> {
  const cached = rolesCache.get(index);
  if (cached) return cached;
  const roles = new Map<FlowSummary, FlowRole>();
  for (const flow of index.summaries) {
    const reserved = flowKindOfName(flow.name);
    if ((reserved === 'authping' || reserved === 'revoke') && !flow.notSystem) roles.set(flow, reserved);
    else if (reserved === 'helper' || index.called.has(flow.id)) roles.set(flow, 'helper');
    else roles.set(flow, 'action');
  }
  rolesCache.set(index, roles);
  return roles;
}
