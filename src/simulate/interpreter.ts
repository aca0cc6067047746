import { Ctx, inputValue, type Frame } from './card-context.js';
import { CardFailure, SimFailure, cardRef } from './failure.js';
import { indexFlo, type CardInfo, type FloLike } from './flow-index.js';
import { applyTransform } from './pins.js';
import { findFlow, type RunState } from './run-state.js';
import { seedStartInputs } from './start-inputs.js';
import type { CardHandler, CardResult, FlowError, FlowRef, SubflowResult } from './types.js';

function fail(kind: FlowError['kind'], message: string, frame: Frame, info?: CardInfo): SimFailure {
  return new SimFailure({ kind, message, flow: frame.name, ...(info ? { card: cardRef(info.card) } : {}) });
}

function describe(info: CardInfo, frame: Frame): string {
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
  const index = indexFlo(flo);
  const frame: Frame = { index, name, id, depth, executionId: `sim-${++state.executions}` };
  if (index.problem) throw fail('bad-flow', `flow "${name}" cannot run: ${index.problem}`, frame);
  const start = index.start;
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
  start: CardInfo,
  inputs: Record<string, unknown>,
): Promise<SubflowResult> {
  const { index } = frame;
  const vals: Array<Map<string, unknown> | undefined> = new Array(index.cards.length);
  const ran = new Uint8Array(index.cards.length);
  const skippedBranch = new Uint8Array(index.cards.length);
  const chosen = new Map<number, boolean>();
  const seed = seedStartInputs(start, inputs);
  for (const f of start.inputs) {
    // Context fields the engine fills (reference §1.7 Helper Flow): execution_id, execution_time.
    if (f.group === 'context' && !seed.has(f.id)) {
      if (f.key === 'execution_id') seed.set(f.id, frame.executionId);
      else if (f.key === 'execution_time') seed.set(f.id, state.now().toISOString());
    }
  }
  vals[start.idx] = seed;
  for (const info of index.order) {
    if (info !== start) {
      if (info.branchHead) {
        if (chosen.get(info.branchHead.ifIdx) !== info.branchHead.value) {
          skippedBranch[info.idx] = 1;
          continue;
        }
      } else if (info.tail !== 'control:join' && info.preds.some((p) => skippedBranch[p] === 1)) {
        skippedBranch[info.idx] = 1;
        continue;
      } else if (!info.preds.some((p) => ran[p] === 1)) continue;
    }
    const res = await execCard(state, frame, info, vals, info === start ? inputs : undefined);
    ran[info.idx] = 1;
    if (res.branch !== undefined) chosen.set(info.idx, res.branch);
    if (res.end) {
      if (res.end.kind === 'return') return { outputs: res.end.outputs };
      if (res.end.kind === 'raw') return { outputs: { ...res.end.raw }, raw: res.end.raw };
      return { outputs: {}, stopped: true };
    }
  }
  return { outputs: {} };
}

function findHandler(state: RunState, info: CardInfo): CardHandler | undefined {
  return state.extra[info.card.address] ?? state.extra[info.tail] ?? state.handlers.get(info.tail);
}

/** A connector event card starting the flow (e.g. `okta:userCreated`), with no handler of its own. */
export function isEventCard(info: CardInfo): boolean {
  return !info.card.address.startsWith('root:kernel:');
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

async function execCard(
  state: RunState,
  frame: Frame,
  info: CardInfo,
  vals: Array<Map<string, unknown> | undefined>,
  flowInputs?: Record<string, unknown>,
): Promise<CardResult> {
  if (++state.steps > state.maxSteps) {
    throw fail(
      'step-limit',
      `step limit of ${state.maxSteps} reached at ${describe(info, frame)}`,
      frame,
      info,
    );
  }
  const handler =
    findHandler(state, info) ?? (flowInputs && isEventCard(info) ? eventStandIn(flowInputs) : undefined);
  if (!handler) {
    throw fail('unsupported-card', `${describe(info, frame)} is not supported by the simulator`, frame, info);
  }
  const mine = vals[info.idx];
  const inputs: Record<string, unknown> = {};
  for (const field of info.inputs) inputs[field.key] = inputValue(field, info, mine);

  const t0 = state.emit ? performance.now() : 0;
  let attempt = 1;
  let result: CardResult;
  for (;;) {
    try {
      const r = invoke(state, frame, info, handler, inputs, mine, attempt);
      result = r instanceof Promise ? await r : r;
      break;
    } catch (e) {
      const f = toFailure(e, frame, info);
      // Retry policy {type:'finish', retry, delay} (reference §1.4): card errors only, never limits/Return Error.
      if (!f.catchable || f.error.kind === 'return-error' || attempt > info.retry) throw f;
      attempt++;
      await state.sleep(info.retryDelayMs);
    }
  }

  const outById = new Map<string, unknown>();
  for (const [outId, input] of info.echo) outById.set(outId, inputValue(input, info, mine));
  for (const o of info.outputs) {
    const byId = result.byId?.[o.id];
    if (byId !== undefined) outById.set(o.id, byId);
    else if (result.outputs && Object.hasOwn(result.outputs, o.key)) outById.set(o.id, result.outputs[o.key]);
  }
  for (const pin of info.outPins) {
    if (!outById.has(pin.outputId)) continue;
    const v = outById.get(pin.outputId);
    if (v === undefined) continue;
    let target = vals[pin.target];
    if (!target) vals[pin.target] = target = new Map();
    target.set(pin.inputId, pin.convert || pin.force ? applyTransform(v, pin.convert, pin.force) : v);
  }

  if (state.emit) {
    const outputs: Record<string, unknown> = {};
    for (const o of info.outputs) {
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
      card: info.name,
      uuid: info.uuid,
      address: info.card.address,
      inputs: safeInputs,
      outputs: sc.scrub(outputs),
      ms,
      depth: frame.depth,
    });
  }
  return result;
}

function toFailure(e: unknown, frame: Frame, info: CardInfo): SimFailure {
  if (e instanceof SimFailure) return e;
  if (e instanceof CardFailure) {
    const kind = e.details.kind ?? (e.details.timedOut ? 'timeout' : 'card-failed');
    const err: FlowError = { kind, message: e.message, flow: frame.name, card: cardRef(info.card) };
    if (e.details.statusCode !== undefined) err.statusCode = e.details.statusCode;
    return new SimFailure(err, e.details.body);
  }
  // A handler bug or unexpected value: report it against the card, never crash.
  const msg = e instanceof Error ? e.message : String(e);
  return fail('card-failed', `${info.name}: ${msg}`, frame, info);
}

function invoke(
  state: RunState,
  frame: Frame,
  info: CardInfo,
  handler: CardHandler,
  inputs: Record<string, unknown>,
  mine: Map<string, unknown> | undefined,
  attempt: number,
): CardResult | Promise<CardResult> {
  // Channel cards (HTTP functions, connectors) are the HTTP cards; options.httpTimeoutMs overrides their 30 s.
  const isHttp = !info.card.address.startsWith('root:kernel:');
  const timeoutMs = isHttp && state.httpTimeoutMs !== undefined ? state.httpTimeoutMs : info.timeoutMs;
  const ctx = new Ctx(state, frame, info, inputs, mine, attempt, timeoutMs, runSub);
  const r = handler(ctx);
  // Synchronous cards cannot overrun; only asynchronous ones race a timer.
  return r instanceof Promise ? withTimeout(r, ctx, info, timeoutMs) : r;
}

/** Card timeouts (model.timeout; reference §1.4): race the card against a timer and abort its I/O. */
async function withTimeout(
  r: Promise<CardResult>,
  ctx: Ctx,
  info: CardInfo,
  timeoutMs: number,
): Promise<CardResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ctx.abort();
      reject(new CardFailure(`${info.name} timed out after ${timeoutMs} ms`, { timedOut: true }));
    }, timeoutMs);
    timer.unref?.();
  });
  r.catch(() => undefined);
  try {
    return await Promise.race([r, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function runSub(
  state: RunState,
  frame: Frame,
  info: CardInfo,
  ref: FlowRef,
  inputs: Record<string, unknown>,
  label?: string,
): Promise<SubflowResult> {
  const depth = frame.depth + 1;
  if (depth > state.maxDepth) {
    throw fail(
      'depth-limit',
      `call depth limit of ${state.maxDepth} reached at ${describe(info, frame)}`,
      frame,
      info,
    );
  }
  if (typeof ref === 'string') {
    const flo = findFlow(state, ref);
    if (!flo?.data)
      throw fail(
        'bad-flow',
        `${describe(info, frame)} calls flow "${ref}", which is not in the flopack`,
        frame,
        info,
      );
    return runFlo(state, flo.data, flo.name, flo.id, inputs, depth);
  }
  return runFlo(state, ref, label ?? `${frame.name} › ${info.name}`, ref.uuid, inputs, depth);
}
