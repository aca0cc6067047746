import {
  assignIf,
  clearEmpty,
  construct,
  isOutputRef,
  listConstruct,
  merge,
  type ObjectField,
  type Value,
} from '../flopack/builder/index.js';
import type { IoType } from '../flopack/types.js';
import { isDroppable, optionalRefs } from '../spec/empty-values.js';
import { isSingleRef } from '../spec/placeholders.js';
import type { TemplateScope } from './template-scope.js';
import { textValue } from './templates.js';

/**
 * A JSON value of the spec (body fields, query, headers) as cards: literals stay literal data, strings with
 * placeholders become the referenced output or a Compose card, objects an Object Construct, lists a List
 * Construct, at any depth. Optional values that are empty are dropped by src/spec/empty-values.ts's rule:
 * an object's droppable entries go through their own Construct → Clear Empty, merged after the entries that
 * are always sent, so literal nulls and empties are kept.
 */
export function jsonValue(scope: TemplateScope, path: string, value: unknown, label: string): Value {
  if (typeof value === 'string') return stringValue(scope, path, value, label);
  if (Array.isArray(value)) return listValue(scope, path, value, label);
  if (value !== null && typeof value === 'object')
    return objectValue(scope, path, value as Record<string, unknown>, label);
  return value as Value;
}

function optional(scope: TemplateScope) {
  return (source: Parameters<TemplateScope['refs']['optional']>[0], key: string) =>
    scope.refs.optional(source, key);
}

/**
 * A templated string. Exactly one placeholder passes its value through (type kept; Clear Empty sees it empty
 * when it is). Literal text around optional placeholders is replaced by "" when one of them is empty, one
 * Assign If per placeholder, so the entry is dropped rather than sent as "whatsapp:".
 */
function stringValue(scope: TemplateScope, path: string, template: string, label: string): Value {
  let value = textValue(scope, path, template, { name: `Compose ${label}` });
  if (isSingleRef(template)) return value;
  optionalRefs(template, optional(scope)).forEach((ref, i) => {
    const left = scope.refs.resolve(ref.source, ref.key);
    value = assignIf(
      scope.flow,
      `${path}/if/${i}`,
      { left, operator: 'is empty', type: left.field.value.type },
      '',
      value,
      'string',
      `${label} if ${ref.key} provided`,
    );
  });
  return value;
}

function listValue(scope: TemplateScope, path: string, list: unknown[], label: string): Value {
  const items = list.map((v, i) => {
    if (isDroppable(v, optional(scope)))
      throw new Error(
        `${path}/${i}: a list item may not depend on an optional value only (validate: OC-SPEC-LIST-ITEM-OPTIONAL)`,
      );
    return jsonValue(scope, `${path}/${i}`, v, `${label} item ${i + 1}`);
  });
  if (!items.some(isOutputRef)) return items as Value;
  const typed = items.map(typeOf);
  const first = typed[0]!;
  const same = typed.every((t) => t.type === first.type && t.collection === first.collection);
  const itemType: IoType = same && !first.collection ? first.type : 'object';
  return listConstruct(
    scope.flow,
    path,
    items.map((value, i) => ({ value, ...typed[i]! })),
    itemType,
    `Construct ${label.toLowerCase()} list`,
  );
}

function objectValue(
  scope: TemplateScope,
  path: string,
  object: Record<string, unknown>,
  label: string,
): Value {
  const always: ObjectField[] = [];
  const droppable: ObjectField[] = [];
  for (const [key, v] of Object.entries(object)) {
    const value = jsonValue(scope, `${path}/${key}`, v, key);
    (isDroppable(v, optional(scope)) ? droppable : always).push({ key, value, ...typeOf(value) });
  }
  const name = label.toLowerCase();
  if (droppable.length === 0) {
    if (!always.some((f) => isOutputRef(f.value)))
      return Object.fromEntries(always.map((f) => [f.key, f.value]));
    return construct(scope.flow, path, always, `Construct ${name}`);
  }
  if (always.length === 0) {
    const built = construct(scope.flow, path, droppable, `Construct ${name}`);
    return clearEmpty(scope.flow, `${path}/clear`, built, `Clear empty ${name}`);
  }
  const fixed = always.some((f) => isOutputRef(f.value))
    ? construct(scope.flow, path, always, `Construct ${name}`)
    : Object.fromEntries(always.map((f) => [f.key, f.value]));
  const built = construct(scope.flow, `${path}/optional`, droppable, `Construct optional ${name}`);
  const cleared = clearEmpty(scope.flow, `${path}/clear`, built, `Clear empty ${name}`);
  return merge(scope.flow, `${path}/merge`, [fixed, cleared], `Merge ${name}`);
}

/** The Workflows type of a value as a Construct input declares it. */
function typeOf(v: Value): { type: IoType; collection: boolean } {
  if (isOutputRef(v)) return { type: v.field.value.type, collection: v.field.value.collection ?? false };
  if (Array.isArray(v)) {
    const first = v.find((x) => x !== null && x !== undefined);
    return { type: first === undefined ? 'string' : typeOf(first as Value).type, collection: true };
  }
  if (typeof v === 'number') return { type: 'number', collection: false };
  if (typeof v === 'boolean') return { type: 'boolean', collection: false };
  if (v !== null && typeof v === 'object') return { type: 'object', collection: false };
  return { type: 'string', collection: false };
}
