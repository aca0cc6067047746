import { CardFailure, SimFailure } from '../failure.js';
import { getPath } from '../paths.js';
import type { CardContext, CardHandler, FlowRef } from '../types.js';
import { toText } from '../values.js';
import { allOutputs, dataFields, floInput, isPlainObject } from './helpers.js';
import { parentOf } from './call-flow.js';

const LOOP_KEYS = ['list', 'flo', 'concurrency', 'memo'];

function listOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  return v === null || v === undefined || v === '' ? [] : [v];
}

/**
 * Inputs of the child flow for one item (reference §1.5 `value.proxy`): a proxy with `dynamic:true` takes the
 * item (at `path`), `dynamic:false` the card's own value, into the child input named by `dest.key`. With no custom
 * inputs the item's fields (and the fields of its groups, e.g. `Output`) go to the child by key [I].
 */
function childInputs(ctx: CardContext, item: unknown, index: number): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  const custom = dataFields(ctx, LOOP_KEYS);
  if (custom.length === 0 && isPlainObject(item)) {
    for (const v of Object.values(item)) {
      if (isPlainObject(v))
        for (const [k2, v2] of Object.entries(v)) if (!Object.hasOwn(inputs, k2)) inputs[k2] = v2;
    }
    Object.assign(inputs, item);
  }
  for (const { field, value } of custom) {
    const proxy = field.value?.proxy;
    const dest = (proxy && proxy.dest?.key) || field.key;
    inputs[dest] = proxy && proxy.dynamic ? getPath(item, proxy.path ?? '') : value;
  }
  inputs['index'] = index;
  inputs['parent'] = parentOf(ctx);
  return inputs;
}

/** For Each / Map run the child once per item, in order (concurrency is not simulated, for determinism) [I]. */
async function loop(ctx: CardContext, ignoreErrors: boolean, collect: boolean): Promise<unknown[]> {
  const ref: FlowRef | undefined = floInput(ctx.fields);
  if (!ref) throw new CardFailure(`${ctx.card.node.data.name}: no flow chosen`);
  const results: unknown[] = [];
  const items = listOf(ctx.inputs['list']);
  for (let i = 0; i < items.length; i++) {
    try {
      const r = await ctx.runFlow(
        ref,
        childInputs(ctx, items[i], i),
        `${ctx.flow} › ${ctx.card.node.data.name}`,
      );
      if (collect) {
        const keys = Object.keys(r.outputs);
        results.push(keys.length === 1 ? r.outputs[keys[0]!] : r.outputs);
      }
    } catch (e) {
      // For Each - Ignore Errors (list:asyncEach) skips failed items (reference Appendix A).
      if (!ignoreErrors || !(e instanceof SimFailure) || !e.catchable) throw e;
    }
  }
  return results;
}

const each: CardHandler = async (ctx) => {
  await loop(ctx, false, false);
  return {};
};
const asyncEach: CardHandler = async (ctx) => {
  await loop(ctx, true, false);
  return {};
};
/** Map: a new list of the child's Return value per item (its single key, or the whole output object) [I]. */
const map: CardHandler = async (ctx) => ({ byId: allOutputs(ctx, await loop(ctx, false, true)) });

const length: CardHandler = (ctx) => ({ outputs: { length: listOf(ctx.inputs['list']).length } });
const pop: CardHandler = (ctx) => {
  const l = listOf(ctx.inputs['list']);
  return { outputs: { list: l.slice(0, -1), item: l.length ? l[l.length - 1] : null } };
};
const shift: CardHandler = (ctx) => {
  const l = listOf(ctx.inputs['list']);
  return { outputs: { list: l.slice(1), item: l.length ? l[0] : null } };
};
const pluck: CardHandler = (ctx) => {
  const key = toText(ctx.inputs['key']);
  return { outputs: { values: listOf(ctx.inputs['list']).map((x) => getPath(x, key) ?? null) } };
};
const flatten: CardHandler = (ctx) => ({ outputs: { list: listOf(ctx.inputs['lists']).flat(Infinity) } });

export const listCards: Record<string, CardHandler> = {
  'list:each': each,
  'list:asyncEach': asyncEach,
  'list:map': map,
  'list:length': length,
  'list:pop': pop,
  'list:shift': shift,
  'list:pluck': pluck,
  'list:flatten': flatten,
};
