import type { CardContext, FlowRef } from '../../semantics/context.js';
import { CardFailure, SimFailure } from '../../semantics/failure.js';
import { dataFields, floInput, isPlainObject } from '../../semantics/fields.js';
import { getPath } from '../../semantics/paths.js';
import { inlineLabel } from '../../read/inline.js';
import { parentOf } from '../control/call-flow.js';

const LOOP_KEYS = ['list', 'flo', 'concurrency', 'memo'];

/** A list input as a list: a single value is a list of one, nothing is empty. */
export function listOf(v: unknown): unknown[] {
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

/**
 * For Each / Map: run the child flow once per item, in order (concurrency is not simulated, for determinism) [I].
 * With `ignoreErrors` (For Each - Ignore Errors) failed items are skipped; with `collect` each child's Return value
 * (its single key, or the whole output object) is collected.
 */
export async function loop(ctx: CardContext, ignoreErrors: boolean, collect: boolean): Promise<unknown[]> {
  const ref: FlowRef | undefined = floInput(ctx.fields);
  if (!ref) throw new CardFailure(`${ctx.card.node.data.name}: no flow chosen`);
  const results: unknown[] = [];
  const items = listOf(ctx.inputs['list']);
  const suffix = inlineLabel({ kind: 'loop', group: null }, 'run');
  const label = `${ctx.flow} › ${ctx.card.node.data.name}${suffix ? ` › ${suffix}` : ''}`;
  for (let i = 0; i < items.length; i++) {
    try {
      const r = await ctx.runFlow(ref, childInputs(ctx, items[i], i), label);
      if (collect) {
        const keys = Object.keys(r.outputs);
        results.push(keys.length === 1 ? r.outputs[keys[0]!] : r.outputs);
      }
    } catch (e) {
      if (!ignoreErrors || !(e instanceof SimFailure) || !e.catchable) throw e;
    }
  }
  return results;
}
