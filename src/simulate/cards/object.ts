import { getPath, setPath, withPath } from '../paths.js';
import type { CardHandler } from '../types.js';
import { isEmpty, toText } from '../values.js';
import { allOutputs, dataFields, isPlainObject } from './helpers.js';

/** Construct: one key per input; dotted keys build nested objects and numeric segments lists (`commands.0.type`). */
const construct: CardHandler = (ctx) => {
  const output: Record<string, unknown> = {};
  for (const { field, value } of dataFields(ctx)) {
    if (field.key.includes('.')) setPath(output, field.key, value);
    else output[field.key] = value;
  }
  return { outputs: { output } };
};

/** Merge: objects in card order, later keys win (shallow) [I]. */
const merge: CardHandler = (ctx) => {
  const output: Record<string, unknown> = {};
  for (const { value } of dataFields(ctx)) if (isPlainObject(value)) Object.assign(output, value);
  return { outputs: { output } };
};

const get: CardHandler = (ctx) => ({
  byId: allOutputs(ctx, getPath(ctx.inputs['object'], toText(ctx.inputs['path'])) ?? null),
});

/** Get Multiple: every output's key is a path into `object` (e.g. `0.type`, `data.userProfile.login`). */
const pick: CardHandler = (ctx) => {
  const obj = ctx.inputs['object'];
  const byId: Record<string, unknown> = {};
  for (const o of Object.values(ctx.card.node.model.outputs?.data ?? {}))
    byId[o.id] = getPath(obj, o.key) ?? null;
  return { byId };
};

const set: CardHandler = (ctx) => ({
  byId: allOutputs(
    ctx,
    withPath(ctx.inputs['object'] ?? {}, toText(ctx.inputs['path']), ctx.inputs['value']),
  ),
});

/**
 * Hidden path extractor (reference §1.6): pairs of `key`/`value` outputs with `metadata.path`; `value` gets the
 * object at that path, `key` keeps its path list.
 */
const expand: CardHandler = (ctx) => {
  const obj = ctx.inputs['object'];
  const byId: Record<string, unknown> = {};
  for (const o of Object.values(ctx.card.node.model.outputs?.data ?? {})) {
    const path = o.metadata?.path;
    if (!Array.isArray(path)) continue;
    byId[o.id] = o.key === 'key' ? path : (getPath(obj, path) ?? null);
  }
  return { byId };
};

const keys: CardHandler = (ctx) => ({
  byId: allOutputs(ctx, isPlainObject(ctx.inputs['object']) ? Object.keys(ctx.inputs['object']) : []),
});
const values: CardHandler = (ctx) => ({
  byId: allOutputs(ctx, isPlainObject(ctx.inputs['object']) ? Object.values(ctx.inputs['object']) : []),
});

/** Clear Empty: drops top-level keys whose value is empty (null, "", [], {}) [I: shallow]. */
const clearEmpty: CardHandler = (ctx) => {
  const obj = ctx.inputs['object'];
  const output: Record<string, unknown> = {};
  if (isPlainObject(obj)) for (const [k, v] of Object.entries(obj)) if (!isEmpty(v)) output[k] = v;
  return { byId: allOutputs(ctx, output) };
};

export const objectCards: Record<string, CardHandler> = {
  'object:construct': construct,
  'object:merge': merge,
  'object:get': get,
  'object:pick': pick,
  'object:set': set,
  'object:expand': expand,
  'object:keys': keys,
  'object:values': values,
  'object:clearEmpty': clearEmpty,
};
