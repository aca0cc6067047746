import { HELPER_FLOW_CONTEXT } from '../flopack/cards/control/helper-flow.js';
import { isKernelAddress } from '../flopack/read/index.js';
import type { CardHandler, CardResult, FlowError, SubflowResult } from '../flopack/semantics/context.js';
import { CardFailure, SimFailure, cardRef } from '../flopack/semantics/failure.js';
import type { FloLike } from '../flopack/semantics/fields.js';
import { CardRunContext, inputValue, type Frame, type SubRunner } from './card-context.js';
import { applyTransform } from './pins.js';
import { planFlo, type RuntimeCard } from './plan.js';
import { findFlow, type RunState } from './run-state.js';
import { startFieldProblem } from './start-checks.js';
import { traceCardName } from './trace-names.js';
import { seedStartInputs } from './start-inputs.js';
import { timerDelay } from '../util/timers.js';

function fail(kind: FlowError['kind'], message: string, frame: Frame, card?: RuntimeCard): SimFailure {
  return new SimFailure({
    kind,
    message,
    flow: frame.name,
    ...(card ? { card: cardRef(card.info.card) } : {}),
  });
}

function describe(card: RuntimeCard, frame: Frame): string {
  const { info } = card;
  return `card "${info.name}" (${info.card.address}, uuid ${info.uuid}) in flow "${frame.name}"`;
}

/**
 * Runs one flo to its end. Semantics [reference §1.6]: cards run in the topological order of `orderings`; a card
 * runs when any ordering predecessor ran (so only the taken If/Else branch runs, then its Join); branch heads run
 * only when their If card chose them, and a card after a branch that was not taken is skipped even if another
 * predecessor ran (an `object:expand` outside the branch is ordered into cards inside it); only a Join collects
 * the taken and the skipped branch. Values move along pins as cards finish (last writer wins, which is what a
 * Join needs); an input nothing wrote keeps the value typed into the card. Throws SimFailure on failure.
 */
export async function runFlo(
  state: RunState,
  flo: FloLike,
  name: string,
  id: string,
  inputs: Record<string, unknown>,
  depth: number,
): Promise<SubflowResult> {
  const plan = planFlo(flo);
  const frame: Frame = { plan, name, id, depth, executionId: `sim-${++state.executions}` };
  if (plan.problem) throw fail('bad-flow', `flow "${name}" cannot run: ${plan.problem}`, frame);
  const start = plan.start;
  state.emit?.({ type: 'flow-start', flow: name, depth, inputs: state.scrubber.scrub(inputs) });
  try {
    const result = start ? await runCards(state, frame, start, inputs) : { outputs: {} };
    state.emit?.({
      type: 'flow-end',
      flow: name,
      depth,
      ok: true,
      outputs: state.scrubber.scrub(result.outputs),
    });
    return result;
  } catch (e) {
    const f =
      e instanceof SimFailure ? e : fail('card-failed', e instanceof Error ? e.message : String(e), frame);
    state.emit?.({
      type: 'flow-end',
      flow: name,
      depth,
      ok: false,
      error: { ...f.error, message: state.scrubber.text(f.error.message) },
    });
    throw f;
  }
}

async function runCards(
  state: RunState,
  frame: Frame,
  start: RuntimeCard,
  inputs: Record<string, unknown>,
): Promise<SubflowResult> {
  const { plan } = frame;
  // What arrived along pins, per card (by position), per input id.
  const arrived: Array<Map<string, unknown> | undefined> = new Array(plan.cards.length);
  const ran = new Uint8Array(plan.cards.length);
  const skippedBranch = new Uint8Array(plan.cards.length);
  const chosen = new Map<number, boolean>();
  const seed = seedStartInputs(start, inputs);
  for (const f of start.inputs) {
    // Context fields the engine fills (reference §1.7 Helper Flow): execution_id, execution_time.
    if (f.group === 'context' && !seed.has(f.id)) {
      if (f.key === HELPER_FLOW_CONTEXT.executionId.key) seed.set(f.id, frame.executionId);
      else if (f.key === 'execution_time') seed.set(f.id, state.now().toISOString());
    }
  }
  // A flow run from outside (depth 0) stands for a connector card Okta checks before it runs.
  const problem = frame.depth === 0 ? startFieldProblem(start, seed) : undefined;
  if (problem) throw fail('invalid-input', problem, frame, start);
  arrived[start.idx] = seed;
  for (const card of plan.order) {
    if (card !== start) {
      if (card.branchHead) {
        if (chosen.get(card.branchHead.ifIdx) !== card.branchHead.value) {
          skippedBranch[card.idx] = 1;
          continue;
        }
      } else if (card.info.tail !== 'control:join' && card.preds.some((p) => skippedBranch[p] === 1)) {
        skippedBranch[card.idx] = 1;
        continue;
      } else if (!card.preds.some((p) => ran[p] === 1)) continue;
    }
    const res = await execCard(state, frame, card, arrived, card === start ? inputs : undefined);
    ran[card.idx] = 1;
    if (res.branch !== undefined) chosen.set(card.idx, res.branch);
    if (res.end) {
      if (res.end.kind === 'return') return { outputs: res.end.outputs };
      if (res.end.kind === 'raw') return { outputs: { ...res.end.raw }, raw: res.end.raw };
      return { outputs: {}, stopped: true };
    }
  }
  return { outputs: {} };
}

function findHandler(state: RunState, card: RuntimeCard): CardHandler | undefined {
  const { info } = card;
  return state.extra[info.address] ?? state.extra[info.tail] ?? state.handlers.get(info.tail);
}

/** A connector event card starting the flow (e.g. `okta:userCreated`), with no handler of its own. */
export function isEventCard(card: RuntimeCard): boolean {
  return !isKernelAddress(card.info.address);
}

/** Event stand-in [I]: the event's outputs come from the flow inputs, by output key or label. */
function eventStandIn(given: Record<string, unknown>): CardHandler {
  return (ctx) => {
    const byId: Record<string, unknown> = {};
    for (const o of Object.values(ctx.card.node.model.outputs?.data ?? {})) {
      const label = o.metadata?.displayname;
      if (Object.hasOwn(given, o.key)) byId[o.id] = given[o.key];
      else if (label && Object.hasOwn(given, label)) byId[o.id] = given[label];
    }
    return { byId };
  };
}

/** One more step of the run (a card, or a retry of one); past the limit the run fails with `step-limit`. */
function countStep(state: RunState, frame: Frame, card: RuntimeCard, doing: 'at' | 'retrying'): void {
  if (++state.steps <= state.maxSteps) return;
  throw fail(
    'step-limit',
    `step limit of ${state.maxSteps} reached ${doing} ${describe(card, frame)}`,
    frame,
    card,
  );
}

async function execCard(
  state: RunState,
  frame: Frame,
  card: RuntimeCard,
  arrived: Array<Map<string, unknown> | undefined>,
  flowInputs?: Record<string, unknown>,
): Promise<CardResult> {
  countStep(state, frame, card, 'at');
  const handler =
    findHandler(state, card) ?? (flowInputs && isEventCard(card) ? eventStandIn(flowInputs) : undefined);
  if (!handler) {
    throw fail('unsupported-card', `${describe(card, frame)} is not supported by the simulator`, frame, card);
  }
  const own = arrived[card.idx];
  const inputs: Record<string, unknown> = {};
  for (const field of card.inputs) inputs[field.key] = inputValue(field, card, own);

  const t0 = state.emit ? performance.now() : 0;
  let attempt = 1;
  let result: CardResult;
  for (;;) {
    try {
      const r = invoke(state, frame, card, handler, inputs, own, attempt);
      result = r instanceof Promise ? await r : r;
      // An HTTP card's error handling retries the statuses it names (429 and 504 by default in Connector
      // Builder); after the last attempt the response is the card's result, as the service gave it.
      if (result.cursor) state.cursor = result.cursor;
      if (
        result.httpStatus === undefined ||
        !card.retryStatuses?.has(result.httpStatus) ||
        attempt > card.retry
      )
        break;
      attempt++;
      countStep(state, frame, card, 'retrying');
      await state.sleep(card.retryDelayMs);
      continue;
    } catch (e) {
      const f = toFailure(e, frame, card);
      // Retry policy {type:'finish', retry, delay} (reference §1.4): card errors only, never limits/Return Error.
      if (!f.catchable || f.error.kind === 'return-error' || attempt > card.retry) throw f;
      attempt++;
      // A retry is a step like any other: a flow cannot escape the step limit by failing and retrying.
      countStep(state, frame, card, 'retrying');
      await state.sleep(card.retryDelayMs);
    }
  }

  const outById = new Map<string, unknown>();
  for (const [outId, input] of card.echo) outById.set(outId, inputValue(input, card, own));
  for (const o of card.outputs) {
    const byId = result.byId?.[o.id];
    if (byId !== undefined) outById.set(o.id, byId);
    else if (result.outputs && Object.hasOwn(result.outputs, o.key)) outById.set(o.id, result.outputs[o.key]);
  }
  for (const pin of card.outPins) {
    if (!outById.has(pin.outputId)) continue;
    const v = outById.get(pin.outputId);
    if (v === undefined) continue;
    let target = arrived[pin.target];
    if (!target) arrived[pin.target] = target = new Map();
    target.set(pin.inputId, pin.convert || pin.force ? applyTransform(v, pin.convert, pin.force) : v);
  }

  if (state.emit) {
    const outputs: Record<string, unknown> = {};
    for (const o of card.outputs) {
      if (!outById.has(o.id)) continue;
      let label = o.key;
      for (let n = 2; Object.hasOwn(outputs, label); n++) label = `${o.key}#${n}`;
      outputs[label] = outById.get(o.id);
    }
    const sc = state.scrubber;
    sc.hit = false;
    const safeInputs = sc.scrub(inputs);
    // Derived credentials: text made from a secret is itself secret (redact.ts SecretScrubber).
    if (sc.hit) sc.taint(outputs);
    const ms = performance.now() - t0;
    state.emit({
      type: 'card',
      flow: frame.name,
      card: traceCardName(card, frame.plan),
      uuid: card.info.uuid,
      address: card.info.card.address,
      inputs: safeInputs,
      outputs: sc.scrub(outputs),
      ms,
      depth: frame.depth,
    });
  }
  return result;
}

function toFailure(e: unknown, frame: Frame, card: RuntimeCard): SimFailure {
  if (e instanceof SimFailure) return e;
  if (e instanceof CardFailure) {
    const kind = e.details.kind ?? (e.details.timedOut ? 'timeout' : 'card-failed');
    const err: FlowError = { kind, message: e.message, flow: frame.name, card: cardRef(card.info.card) };
    if (e.details.statusCode !== undefined) err.statusCode = e.details.statusCode;
    return new SimFailure(err, e.details.body);
  }
  // A handler bug or unexpected value: report it against the card, never crash.
  const msg = e instanceof Error ? e.message : String(e);
  return fail('card-failed', `${card.info.name}: ${msg}`, frame, card);
}

function invoke(
  state: RunState,
  frame: Frame,
  card: RuntimeCard,
  handler: CardHandler,
  inputs: Record<string, unknown>,
  arrived: Map<string, unknown> | undefined,
  attempt: number,
): CardResult | Promise<CardResult> {
  // Channel cards (HTTP functions, connectors) are the HTTP cards; options.httpTimeoutMs overrides their 30 s.
  const isHttp = !isKernelAddress(card.info.address);
  const timeoutMs = isHttp && state.httpTimeoutMs !== undefined ? state.httpTimeoutMs : card.timeoutMs;
  const context = new CardRunContext(state, frame, card, inputs, arrived, attempt, timeoutMs, runSub);
  const r = handler(context);
  // Synchronous cards cannot overrun; only asynchronous ones race a timer.
  return r instanceof Promise ? withTimeout(r, context, card, timeoutMs) : r;
}

/** Card timeouts (model.timeout; reference §1.4): race the card against a timer and abort its I/O. */
async function withTimeout(
  r: Promise<CardResult>,
  context: CardRunContext,
  card: RuntimeCard,
  timeoutMs: number,
): Promise<CardResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      context.abort();
      reject(new CardFailure(`${card.info.name} timed out after ${timeoutMs} ms`, { timedOut: true }));
    }, timerDelay(timeoutMs));
    timer.unref?.();
  });
  r.catch(() => undefined);
  try {
    return await Promise.race([r, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A flow of the flopack starts: the platform's inputs (Connector Builder's Auth section) win over the caller's. */
export function withPlatformInputs(
  state: RunState,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  return state.platformInputs ? { ...inputs, ...state.platformInputs } : inputs;
}

/** Runs a flow a card starts (Call Flow, For Each, If Error branches): the CardRunContext's `runFlow`. */
const runSub: SubRunner = async (state, frame, card, ref, inputs, label) => {
  const depth = frame.depth + 1;
  if (depth > state.maxDepth) {
    throw fail(
      'depth-limit',
      `call depth limit of ${state.maxDepth} reached at ${describe(card, frame)}`,
      frame,
      card,
    );
  }
  if (typeof ref === 'string') {
    const flo = findFlow(state, ref);
    if (!flo?.data)
      throw fail(
        'bad-flow',
        `${describe(card, frame)} calls flow "${ref}", which is not in the flopack`,
        frame,
        card,
      );
    return runFlo(state, flo.data, flo.name, flo.id, withPlatformInputs(state, inputs), depth);
  }
  return runFlo(state, ref, label ?? `${frame.name} › ${card.info.name}`, ref.uuid, inputs, depth);
};
