/**
 * When an optional value that is empty leaves a request (README "What a spec's request sends"). The generator builds
 * cards to this rule, `validate` refuses what the rule cannot express, and the documentation states it:
 *
 * 1. A templated string that holds a placeholder to an optional value (an input or option that is not required,
 *    a connection parameter with `required: false`) is dropped when any of those placeholders is empty at run
 *    time (null, "", [] or {}). Placeholders to required values never make a string droppable.
 * 2. An object whose entries are all droppable (at least one) is dropped when every entry is dropped; an object
 *    with one entry that is always sent (a literal, a required value) is always sent, entries dropped as above.
 * 3. Everything written literally is sent as written, explicit `null`, "", [] and {} included.
 * 4. A list item cannot be dropped (Okta has no card that drops list items by a condition): `validate` refuses
 *    a list with an item that could be (OC-SPEC-LIST-ITEM-OPTIONAL).
 * 5. A JSON body object, query or header set that ends up empty is not sent at all.
 */
import type { PlaceholderSource } from './placeholders.js';
import type { Action, ConnectorSpec } from './types.js';
import { parseTemplate } from './placeholders.js';

/** Whether the value a placeholder names may be empty at run time. */
export type IsOptional = (source: PlaceholderSource, key: string) => boolean;

/** The distinct optional placeholders of a template, in order (rule 1). */
export function optionalRefs(
  template: string,
  isOptional: IsOptional,
): Array<{ source: PlaceholderSource; key: string }> {
  const seen = new Set<string>();
  const out: Array<{ source: PlaceholderSource; key: string }> = [];
  for (const p of parseTemplate(template).parts) {
    if (p.kind !== 'ref' || !isOptional(p.source, p.key)) continue;
    const id = `${p.source}.${p.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ source: p.source, key: p.key });
  }
  return out;
}

/** Whether a spec value may be left out of the request at run time (rules 1, 2 and 4). */
export function isDroppable(value: unknown, isOptional: IsOptional): boolean {
  if (typeof value === 'string') return optionalRefs(value, isOptional).length > 0;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every((v) => isDroppable(v, isOptional));
}

/** Whether a placeholder of an action (or of the authping request, `action` undefined) may be empty at run time. */
export function optionalIn(spec: ConnectorSpec, action: Action | undefined): IsOptional {
  // The fields are looked up on the first question: `validate` asks one per list item of every request, and most
  // requests have none, so building three maps for each of thousands of actions up front cost more (issue 17).
  let fields:
    { inputs: Map<string, Field>; options: Map<string, Field>; params: Map<string, Field> } | undefined;
  return (source, key) => {
    fields ??= {
      inputs: new Map((action?.inputs ?? []).map((i) => [i.key, i])),
      options: new Map((action?.options ?? []).map((o) => [o.key, o])),
      params: new Map((spec.connectionParameters ?? []).map((p) => [p.key, p])),
    };
    return source === 'inputs'
      ? !fields.inputs.get(key)?.required
      : source === 'options'
        ? !fields.options.get(key)?.required
        : fields.params.get(key)?.required === false;
  };
}

/** What optionalIn reads of an input, option or connection parameter. */
interface Field {
  required?: boolean;
}
