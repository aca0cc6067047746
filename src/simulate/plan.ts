import { cardDefinition } from '../flopack/cards/index.js';
import {
  graphOf,
  inIndexOrder,
  isKernelAddress,
  readFlo,
  type CardInfo,
  type Scope,
} from '../flopack/read/index.js';
import type { IoField } from '../flopack/types.js';
import { isSecretName } from './redact.js';
import { MAX_TIMER_MS } from '../util/timers.js';

/** One pin out of a card, resolved to the target card's position in the plan. */
export interface PinOut {
  outputId: string;
  target: number;
  inputId: string;
  convert: string | undefined;
  force: boolean;
}

/** A card of the read model with what the interpreter needs to run it. */
export interface RuntimeCard {
  /** Position in `FlowPlan.cards`. */
  idx: number;
  info: CardInfo;
  /** Inputs and outputs in `metadata.index` order. */
  inputs: IoField[];
  outputs: IoField[];
  /** Cards whose having run lets this one run (an If card is not one of its branch heads'). */
  preds: number[];
  /** Set on If/Else branch heads (reference §1.6 branches). */
  branchHead?: { ifIdx: number; value: boolean };
  pinnedInputs: Set<string>;
  outPins: PinOut[];
  /** Output id <- input field, for mirrored cards (same group+key) and Join's `joins` map. */
  echo: Array<[string, IoField]>;
  timeoutMs: number;
  retry: number;
  retryDelayMs: number;
  /** HTTP cards: statuses answered that count as errors to retry (Connector Builder's HTTP error handling). */
  retryStatuses: ReadonlySet<number> | undefined;
  /** Some field is named like a secret: card trace events go through redaction. */
  secretish: boolean;
}

/** How the interpreter runs one flo: its cards, their order and where it starts (from the read model's graph). */
export interface FlowPlan {
  scope: Scope;
  cards: RuntimeCard[];
  order: RuntimeCard[];
  start: RuntimeCard | undefined;
  /** Why this flo cannot run (no start card, a cycle), or undefined. */
  problem: string | undefined;
}

/** model.timeout, else the kind's default from the catalogue, else 30 s for HTTP cards and 90 s for functions. */
/**
 * Okta's bounds for a card's error handling "Retry" (reference §2.9): 0 to 5 retries, 1 to 5 minutes apart. A flopack
 * may say anything (`retry: 1e9`, `delay: 2e9`); the simulator runs what Okta would, never more.
 */
export const OKTA_RETRY_LIMITS = { maxRetries: 5, minDelayMs: 60_000, maxDelayMs: 300_000 } as const;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

type RetryPolicyModel = { type?: string; retry?: unknown; delay?: unknown; statuses?: unknown };

function retryOf(policy: RetryPolicyModel | undefined) {
  const wanted = policy?.type === 'finish' && typeof policy.retry === 'number' ? policy.retry : 0;
  const retry = Number.isFinite(wanted) ? clamp(Math.floor(wanted), 0, OKTA_RETRY_LIMITS.maxRetries) : 0;
  const delay = typeof policy?.delay === 'number' && Number.isFinite(policy.delay) ? policy.delay : 0;
  const { minDelayMs, maxDelayMs } = OKTA_RETRY_LIMITS;
  // Connector Builder waits a random time between `delay` and `delayMax`; the simulator waits the low end, so runs
  // are deterministic (on its simulated clock, a wait costs nothing).
  const statuses = Array.isArray(policy?.statuses)
    ? new Set(policy.statuses.filter((s): s is number => typeof s === 'number'))
    : undefined;
  return {
    retry,
    retryDelayMs: retry === 0 ? 0 : clamp(delay, minDelayMs, maxDelayMs),
    retryStatuses: retry > 0 && statuses?.size ? statuses : undefined,
  };
}

function timeoutOf(info: CardInfo): number {
  const t = info.model?.timeout;
  // Beyond 2^31 ms Node's timers fire after 1 ms; no real card waits 24 days anyway.
  if (typeof t === 'number' && t > 0) return Math.min(t, MAX_TIMER_MS);
  return cardDefinition(info.tail)?.timeoutMs ?? (isKernelAddress(info.address) ? 90_000 : 30_000);
}

const plans = new WeakMap<object, FlowPlan>();

/** The plan of a flo (cached per flo object, so a flow called a thousand times is read once). */
export function planFlo(flo: object): FlowPlan {
  let plan = plans.get(flo);
  if (!plan) plans.set(flo, (plan = buildPlan(readFlo(flo))));
  return plan;
}

function buildPlan(scope: Scope): FlowPlan {
  const graph = graphOf(scope);
  const slot = new Map<CardInfo, number>(scope.cards.map((c, i) => [c, i]));
  const cards: RuntimeCard[] = scope.cards.map((info, idx) => {
    const inputs = inIndexOrder(info.inputs);
    const outputs = inIndexOrder(info.outputs);
    const policy = info.model?.policy?.error as RetryPolicyModel | undefined;
    return {
      idx,
      info,
      inputs,
      outputs,
      preds: [],
      pinnedInputs: new Set(),
      outPins: [],
      echo: [],
      timeoutMs: timeoutOf(info),
      ...retryOf(policy),
      secretish: [...inputs, ...outputs].some(
        (f) => isSecretName(f.key) || isSecretName(f.metadata?.displayname ?? ''),
      ),
    };
  });
  const runtime = (info: CardInfo): RuntimeCard => cards[slot.get(info)!]!;

  for (const pin of graph.pins) {
    // Pins live on the source card: pins[outputId][targetUuid] = [{input, transform}] (reference §1.6).
    const t = pin.transform ? (pin.transform[pin.outputId] ?? Object.values(pin.transform)[0]) : undefined;
    const target = runtime(pin.to);
    runtime(pin.from).outPins.push({
      outputId: pin.outputId,
      target: target.idx,
      inputId: pin.inputId,
      convert: t?.convert,
      force: t?.forceWrapArray === true,
    });
    target.pinnedInputs.add(pin.inputId);
  }
  for (const card of cards) {
    const { info } = card;
    if (info.model?.mirrored) {
      const ins = new Map(card.inputs.map((f) => [`${f.group ?? ''}\u0000${f.key}`, f]));
      for (const o of card.outputs) {
        const input = ins.get(`${o.group ?? ''}\u0000${o.key}`);
        if (input) card.echo.push([o.id, input]);
      }
    }
    for (const [inId, outs] of Object.entries(info.card.joins ?? {})) {
      const input = card.inputs.find((f) => f.id === inId);
      if (input) for (const o of outs ?? []) card.echo.push([o.output, input]);
    }
    const head = graph.heads.get(info.uuid);
    const ifCard = head && scope.byUuid.get(info.uuid) === info ? head.ifCard : undefined;
    if (ifCard) card.branchHead = { ifIdx: runtime(ifCard).idx, value: head!.value };
    // An If card's edge to a head is not a "predecessor that ran": the head runs only on its branch.
    card.preds = graph.previous
      .get(info)!
      .filter((p) => p !== ifCard)
      .map((p) => runtime(p).idx);
  }
  return {
    scope,
    cards,
    order: graph.order.map(runtime),
    start: graph.start ? runtime(graph.start) : undefined,
    problem: graph.problem,
  };
}
