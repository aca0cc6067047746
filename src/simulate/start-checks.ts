import { isEmpty } from '../flopack/semantics/values.js';
import type { IoField } from '../flopack/types.js';
import type { RuntimeCard } from './plan.js';

/** The names Okta's card editor gives field types (Connector Builder: Text, Number, True/False, …). */
const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'number',
  boolean: 'true/false',
  Date: 'date & time',
  object: 'object',
};

function typeName(type: unknown): string {
  return typeof type === 'string' ? (TYPE_NAMES[type] ?? type) : 'object';
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return `a list ${JSON.stringify(v)}`;
  if (v !== null && typeof v === 'object') return `an object ${JSON.stringify(v)}`;
  if (typeof v === 'string') return `text ${JSON.stringify(v)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** Whether `v` is a value a field of `type` takes (looseStrings: numbers and booleans may come as text) [I]. */
function fits(type: unknown, v: unknown): boolean {
  if (v === null || v === undefined) return true;
  switch (type) {
    case 'number':
      return (
        typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
      );
    case 'boolean':
      return typeof v === 'boolean' || v === 'true' || v === 'false';
    case 'object':
      return typeof v === 'object' && !Array.isArray(v);
    case 'string':
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    case 'Date':
      // [I] Date & Time takes a date in text (ISO 8601, as Okta's date cards write it) or epoch milliseconds.
      return (
        (typeof v === 'string' && (v.trim() === '' || !Number.isNaN(Date.parse(v)))) || typeof v === 'number'
      );
    default:
      return true;
  }
}

/**
 * What Okta refuses before a connector card runs [I: the card editor and the engine check field shapes]: a required
 * option left empty, a dropdown value outside its list, a value of the wrong type for an input (a list input given
 * one item, an object input given text). Required inputs are left to the flow's own Return Error If cards (Okta's
 * "No X input provided" message). Returns the message naming the field, or undefined.
 */
export function startFieldProblem(
  start: RuntimeCard,
  values: ReadonlyMap<string, unknown>,
): string | undefined {
  for (const f of start.inputs) {
    if (f.group === 'context' || f.value?.type === 'flo') continue;
    const v = values.has(f.id) ? values.get(f.id) : f.value?.data;
    const problem = fieldProblem(f, v);
    if (problem) return problem;
  }
  return undefined;
}

function fieldProblem(f: IoField, v: unknown): string | undefined {
  const label = f.metadata?.displayname ?? f.key;
  const option = f.flags === 'p';
  const what = option ? 'option' : 'input';
  if (option && f.required && isEmpty(v))
    return `Missing required option "${label}": choose a value for it on the card.`;
  const choices = (f.metadata as { choices?: Array<{ value: unknown; label?: string }> } | undefined)
    ?.choices;
  if (choices?.length && !isEmpty(v) && !choices.some((c) => c.value === v)) {
    const allowed = choices.map((c) => JSON.stringify(c.value)).join(', ');
    return `${option ? 'Option' : 'Input'} "${label}" must be one of ${allowed}; got ${describe(v)}.`;
  }
  const type = f.value?.type;
  if (f.value?.collection) {
    if (isEmpty(v)) return undefined;
    if (!Array.isArray(v))
      return `Input "${label}" is a list of ${typeName(type)}; got ${describe(v)}. Pass a list, e.g. [${JSON.stringify(v)}].`;
    const bad = v.findIndex((item) => !fits(type, item));
    if (bad >= 0)
      return `Item ${bad + 1} of ${what} "${label}" must be ${typeName(type)}; got ${describe(v[bad])}.`;
    return undefined;
  }
  if (!fits(type, v))
    return `${option ? 'Option' : 'Input'} "${label}" must be ${typeName(type)}; got ${describe(v)}.`;
  return undefined;
}
