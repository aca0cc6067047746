import { CUSTOM_API_ACTION_NAME, dynamicFieldFlowName, dynamicValueFlowName } from '../connector/contract.js';
import { UsageError } from '../errors.js';
import { didYouMeanSuffix } from '../util/did-you-mean.js';
import { startCardFields, type FlowField } from './flow-fields.js';
import { flowLabel, type Target, type TargetFlow } from './target.js';

export interface FlowChoice {
  /** An action name or "Custom API Action" (generated connectors). */
  action?: string;
  authping?: boolean;
  /** A flow by name or id (any flopack). */
  flow?: string;
}

/**
 * The flows a user may name: actions, CAPIA, event cards and the lists of dynamic dropdowns and input groups for
 * connectors (not the per-item processing flows Map runs), every flow for exports.
 */
const RUNNABLE = new Set([
  'action',
  'capia',
  'flow',
  'event',
  'values',
  'webhook',
  'registration',
  'deregistration',
]);
export function runnableNames(target: Target): string[] {
  return target.flows.filter((f) => RUNNABLE.has(f.kind) && !isProcessingFlow(f)).map((f) => flowLabel(f));
}

/** A dynamic dropdown's or input group's per-item flow, by the names the contract gives them. */
function isProcessingFlow(flow: TargetFlow): boolean {
  const action = flow.action;
  if (flow.kind !== 'values' || !action) return false;
  const names = [
    ...(action.options ?? []).map((o) => dynamicValueFlowName(action.name, o.label)),
    ...(action.dynamicInputs ? [dynamicFieldFlowName(action.name, action.dynamicInputs.label)] : []),
    ...(action.dynamicOutputs ? [dynamicFieldFlowName(action.name, action.dynamicOutputs.label)] : []),
  ];
  return names.includes(flow.name);
}

/** Picks the flow to run; unknown names are usage errors with a suggestion and the list of valid names. */
export function selectFlow(target: Target, choice: FlowChoice): TargetFlow {
  const given = [choice.action, choice.flow, choice.authping ? 'authping' : undefined].filter(Boolean);
  if (given.length > 1) throw new UsageError('give only one of --action, --flow and --authping');
  if (choice.authping) {
    const ping = target.flows.find((f) => f.kind === 'authping');
    if (!ping) throw new UsageError(`${target.file} has no _authping flow`);
    return ping;
  }
  const wanted = choice.action ?? choice.flow;
  if (wanted === undefined) {
    const runnable = target.flows.filter((f) => f.kind === 'flow');
    if (!target.generated && runnable.length === 1) return runnable[0] as TargetFlow;
    throw new UsageError(
      `say what to run: ${target.generated ? '--action "<name>" or --authping' : '--flow "<name>"'}. ` +
        `${target.file} has: ${listNames(target)}`,
    );
  }
  const exact =
    target.flows.find((f) => flowLabel(f) === wanted || f.floId === wanted) ??
    target.flows.find((f) => f.name === wanted) ??
    target.flows.find((f) => flowLabel(f).toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  const names = runnableNames(target);
  const what = target.generated ? 'action' : 'flow';
  throw new UsageError(
    `unknown ${what} "${wanted}"${didYouMeanSuffix(wanted, names)}. ${target.file} has: ${listNames(target)}`,
  );
}

function listNames(target: Target): string {
  const names = runnableNames(target).map((n) => `"${n}"`);
  if (target.generated) names.push('--authping');
  return names.join(', ') || '(no flows)';
}

/**
 * Checks option and input keys against the flow's start card (the artifact is the truth, not the spec) and
 * returns its fields. Unknown keys are usage errors naming the valid ones.
 */
export function checkFields(
  target: Target,
  flow: TargetFlow,
  options: Record<string, unknown>,
  inputs: Record<string, unknown>,
): FlowField[] {
  const fields = startCardFields(target.flopack, flow.floId) ?? [];
  const label = flow.kind === 'capia' ? CUSTOM_API_ACTION_NAME : flowLabel(flow);
  const check = (given: Record<string, unknown>, kind: 'option' | 'input', flag: string) => {
    const ofKind = fields.filter((f) => f.kind === kind);
    const valid = ofKind.map((f) => f.key);
    const labels = ofKind.map((f) => f.label).filter((l): l is string => l !== undefined);
    for (const key of Object.keys(given)) {
      if (valid.includes(key) || labels.includes(key)) continue;
      const list = valid.length ? `valid ${kind}s: ${valid.join(', ')}` : `it takes no ${kind}s`;
      throw new UsageError(`unknown ${flag} "${key}" for "${label}"${didYouMeanSuffix(key, valid)}; ${list}`);
    }
  };
  check(options, 'option', '--option');
  check(inputs, 'input', '--input');
  return fields;
}
