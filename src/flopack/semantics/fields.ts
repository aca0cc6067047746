import { graphOf, readFlo } from '../read/index.js';
import type { IoField } from '../types.js';
import type { CardContext, FlowRef } from './context.js';

/** An inline flo as card semantics meet it: an object with `methods` (and `orderings`) and a `uuid`. */
export type FloLike = Exclude<FlowRef, string>;

type Field = CardContext['fields'][number];

/** Data inputs a card's logic uses: not context wormholes, not option parameters. */
export function dataFields(ctx: CardContext, exclude: readonly string[] = []): Field[] {
  return ctx.fields.filter(
    (f) =>
      f.field.group !== 'context' &&
      f.field.flags !== 'p' &&
      f.field.value?.type !== 'flo' &&
      !exclude.includes(f.field.key),
  );
}

/** The `flo` input: a flow id string (Call Flow, For Each) or an inline flo (If Error, If/ElseIf) — reference §0.7. */
export function floInput(fields: readonly Field[]): FlowRef | undefined {
  const f = fields.find((x) => x.field.value?.type === 'flo');
  const v = f?.value;
  if (typeof v === 'string' && v !== '') return v;
  if (isFloLike(v)) return v;
  return undefined;
}

export function isFloLike(v: unknown): v is FloLike {
  return (
    !!v &&
    typeof v === 'object' &&
    Array.isArray((v as FloLike).methods) &&
    typeof (v as FloLike).uuid === 'string'
  );
}

/**
 * Wormhole values for an inline flo (reference §1.6): the outer card's context inputs, keyed by `key`, whose
 * `metadata.wormholeMethodId` names the inline flo's start card (or names nothing).
 */
export function wormholes(fields: readonly Field[], inner: FloLike): Record<string, unknown> {
  const startUuid = graphOf(readFlo(inner)).start?.uuid;
  const out: Record<string, unknown> = {};
  for (const { field, value } of fields) {
    if (field.group !== 'context') continue;
    const target = field.metadata?.wormholeMethodId;
    if (target === undefined || target === startUuid) out[field.key] = value;
  }
  return out;
}

export function fieldLabel(f: IoField): string {
  return f.metadata?.displayname ?? f.key;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Outputs keyed by every output id of the card (cards whose single output key we do not know for sure). */
export function allOutputs(ctx: CardContext, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const o of Object.values(ctx.card.node?.model?.outputs?.data ?? {})) out[o.id] = value;
  return out;
}
