import { mdCode, mdEscape, mdFence } from './markdown.js';

/**
 * What the compiled hand-off templates (template-compiler.ts) call at run time: Handlebars' own semantics for
 * escaping, truthiness, strict lookups and iteration, without its per-block frames and helper dispatch (on a
 * 1,000-action build those were ~1 s of the run and much of its garbage).
 */

/** Markup built and escaped in code (the SVG diagrams): written as it is by `{{ }}` (Handlebars' SafeString). */
export class SafeString {
  constructor(private readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
  toHTML(): string {
    return this.markup;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};
const BAD_CHARS = /[&<>"'`=]/g;
const POSSIBLE = /[&<>"'`=]/;

/** `{{value}}`: Handlebars' escapeExpression. */
export function escape(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value instanceof SafeString) return value.toHTML();
  else if (value === null || value === undefined) return '';
  else if (!value) return String(value);
  else text = String(value);
  return POSSIBLE.test(text) ? text.replace(BAD_CHARS, (c) => ESCAPES[c]!) : text;
}

/** Handlebars' `if`: false for falsy values and empty arrays (0 included). */
export function truthy(value: unknown, context: unknown): boolean {
  const v = typeof value === 'function' ? (value as (this: unknown) => unknown).call(context) : value;
  return !!v && !(Array.isArray(v) && v.length === 0);
}

/** Handlebars' `with`: anything but undefined, null, false, '' and empty arrays (0 counts as present). */
export function present(value: unknown): boolean {
  return !((!value && value !== 0) || (Array.isArray(value) && value.length === 0));
}

/** `{{name}}` in strict mode: a missing field is a template bug, not a blank. */
export function strict(parent: unknown, name: string): unknown {
  if (!parent || !(name in (parent as object))) throw new Error(`"${name}" not defined in ${String(parent)}`);
  return (parent as Record<string, unknown>)[name];
}

/** `{{name}}` whose value is a function: called with the context (Handlebars' lambdas). */
export function lambda(value: unknown, context: unknown): unknown {
  return typeof value === 'function' ? (value as (this: unknown) => unknown).call(context) : value;
}

/** What `{{#each value}}` iterates: the items of an array, iterable or object (empty: the `{{else}}` branch). */
export function items(value: unknown, context: unknown): readonly unknown[] {
  const v = lambda(value, context);
  if (Array.isArray(v)) return v.length === 0 ? NO_ITEMS : v;
  if (v === null || typeof v !== 'object') return NO_ITEMS;
  if (Symbol.iterator in v) return [...(v as Iterable<unknown>)];
  return Object.values(v);
}

/**
 * The empty list every `{{#each}}` of an empty array iterates. An empty array literal has another hidden class (small
 * integer elements) than a list of objects or strings; a template's loop that met it only after being optimized
 * was deoptimized and compiled again (~0.1-0.3 s of compiling per build sheet template on a 1,000-action build).
 * The slice of a one-object array has the object elements of every non-empty list.
 */
const NO_ITEMS: readonly unknown[] = [null].slice(0, 0);

/** `{{> partial}}` on a line of its own: every line of its text indented like the tag. */
export function indent(text: string, by: string): string {
  if (!by) return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i] && i + 1 === lines.length) break;
    lines[i] = by + lines[i];
  }
  return lines.join('\n');
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** The helpers templates may call, and whether their result is markup already (not escaped again). */
export const HELPERS: Record<string, { fn: (...args: unknown[]) => unknown; safe: boolean }> = {
  md: { fn: (value) => mdEscape(text(value)), safe: true },
  code: { fn: (value) => mdCode(text(value)), safe: true },
  fence: { fn: (value) => mdFence(text(value)), safe: true },
  eq: { fn: (a, b) => a === b, safe: false },
  yesno: { fn: (value) => (value ? 'Yes' : 'No'), safe: false },
};

export const runtime = { escape, truthy, present, strict, lambda, items, indent, helpers: HELPERS };
export type TemplateRuntime = typeof runtime;
