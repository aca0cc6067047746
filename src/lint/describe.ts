import {
  cardPointer,
  childPointer,
  fieldPointer,
  type CardInfo,
  type FieldInfo,
  type FlowInfo,
  type Scope,
} from '../flopack/read/index.js';
import { inlineLabel } from '../flopack/read/inline.js';
import { isObject, type Json } from '../flopack/read/tolerant.js';

/**
 * What lint adds to the read model: JSON pointers to report at, and the human `where` of a finding
 * (`flow "Send Message" › card "Compose" (7xGW_YVGv) › on error`).
 */

/** `flow "X" › card "Y" (id)` — quotes inside names are escaped so the label stays unambiguous. */
export function quote(name: string): string {
  return JSON.stringify(name);
}

/** A short, safe rendering of an arbitrary value for a message (no deep or circular output, no long strings). */
export function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
}

export function flowWhere(flow: Pick<FlowInfo, 'name'>): string {
  return `flow ${quote(flow.name)}`;
}

const scopeWheres = new WeakMap<Scope, string>();
const cardWheres = new WeakMap<CardInfo, string>();

/** `flow "X"`, or for an inline flo the card holding it and which branch it is (`… › on error`). */
export function scopeWhere(scope: Scope): string {
  let where = scopeWheres.get(scope);
  if (where === undefined) {
    where = scope.owner
      ? `${cardWhere(scope.owner.card)} › ${inlineLabel(scope.owner.inline, 'where')}`
      : flowWhere({ name: scope.flowName });
    scopeWheres.set(scope, where);
  }
  return where;
}

/** `<scope> › card "Name" (uuid)`; hidden path cards are named after their source, since their name is its uuid. */
export function cardWhere(card: CardInfo): string {
  let where = cardWheres.get(card);
  if (where === undefined) {
    where = `${scopeWhere(card.scope)} › card ${quote(shownName(card))} (${card.uuid})`;
    cardWheres.set(card, where);
  }
  return where;
}

function shownName(card: CardInfo): string {
  if (card.parts?.family !== 'kernel' || card.tail !== 'object:expand') return card.name;
  const source = card.scope.byUuid.get(card.name);
  return source && source !== card ? `path of ${source.name}` : card.name;
}

/** Pointer to the `data` of a field (where a static value sits). */
export function valuePointer(card: CardInfo, field: FieldInfo): string {
  return childPointer(childPointer(fieldPointer(card, field), 'value'), 'data');
}

/** Pointer to a property of a card (`address`, `uuid`, `pins`…). */
export function cardPropertyPointer(card: CardInfo, ...segments: Array<string | number>): string {
  return segments.reduce<string>((p, s) => childPointer(p, s), cardPointer(card));
}

/** Pointer to a property of a flow (`name`). */
export function flowPropertyPointer(flow: Pick<FlowInfo, 'id'>, property: string): string {
  return childPointer(childPointer('/data/flos', flow.id), property);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export function isLowerUuid(id: string): boolean {
  return UUID.test(id);
}

/** A card as the JSON object it is (rules check shapes the types promise but a hand-edited file may break). */
export function rawCard(card: CardInfo): Json {
  return card.card as unknown as Json;
}

/** A field's `value` when it is an object. */
export function fieldValue(field: FieldInfo): Json | undefined {
  return isObject(field.field.value) ? field.field.value : undefined;
}
