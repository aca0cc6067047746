import { operatorOf } from '../operators.js';

/**
 * Okta's loose value semantics. Every export carries `flags: {looseBooleans, looseStrings, looseNulls}` (reference
 * §1.2); we read them from the flopack and apply them where a card expects a type.
 */
export interface LooseFlags {
  looseStrings: boolean;
  looseBooleans: boolean;
  looseNulls: boolean;
}

export const DEFAULT_FLAGS: LooseFlags = { looseStrings: true, looseBooleans: true, looseNulls: true };

export function flagsOf(flags: Record<string, boolean> | undefined): LooseFlags {
  return {
    looseStrings: flags?.looseStrings ?? true,
    looseBooleans: flags?.looseBooleans ?? true,
    looseNulls: flags?.looseNulls ?? true,
  };
}

/** Text of a value for string-typed inputs [I]: null/undefined -> "", objects -> JSON, others String(). */
export function toText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Boolean of a value under looseBooleans [I]: "true"/"false", 1/0; strictly only real booleans. */
export function toBool(v: unknown, flags: LooseFlags = DEFAULT_FLAGS): boolean {
  if (typeof v === 'boolean') return v;
  if (!flags.looseBooleans) return false;
  if (typeof v === 'string') return v.trim().toLowerCase() === 'true';
  if (typeof v === 'number') return v !== 0;
  return false;
}

/** A finite number, or undefined when the value is not numeric (strings only when looseStrings). */
export function toNumber(v: unknown, flags: LooseFlags = DEFAULT_FLAGS): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && flags.looseStrings && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Equality as the comparison cards see it [I]: numbers numerically, booleans loosely, null == "" under looseNulls. */
export function looseEquals(a: unknown, b: unknown, flags: LooseFlags = DEFAULT_FLAGS): boolean {
  if (a === b) return true;
  const aNil = a === null || a === undefined;
  const bNil = b === null || b === undefined;
  // looseNulls: a missing value equals empty text [I].
  if (aNil || bNil) return (aNil && bNil) || (flags.looseNulls && (a === '' || b === ''));
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    return flags.looseBooleans
      ? toBool(a, flags) === toBool(b, flags) && isBoolish(a) && isBoolish(b)
      : false;
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const x = toNumber(a, flags);
    const y = toNumber(b, flags);
    return x !== undefined && x === y;
  }
  if (typeof a === 'object' || typeof b === 'object') return deepEqual(a, b);
  return flags.looseStrings ? toText(a) === toText(b) : false;
}

function isBoolish(v: unknown): boolean {
  return typeof v === 'boolean' || v === 'true' || v === 'false' || v === 1 || v === 0;
}

function order(a: unknown, b: unknown, flags: LooseFlags): number | undefined {
  const x = toNumber(a, flags);
  const y = toNumber(b, flags);
  if (x !== undefined && y !== undefined) return x - y;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

export function normalizeOperator(op: unknown): string {
  return operatorOf(toText(op).trim());
}

function contains(container: unknown, item: unknown, flags: LooseFlags): boolean {
  if (Array.isArray(container)) return container.some((x) => looseEquals(x, item, flags));
  if (typeof container === 'string') return container.includes(toText(item));
  if (container && typeof container === 'object') return Object.hasOwn(container, toText(item));
  return false;
}

function hasKey(obj: unknown, key: unknown): boolean {
  if (Array.isArray(obj)) {
    const i = Number(key);
    return Number.isInteger(i) && i >= 0 && i < obj.length;
  }
  return obj !== null && typeof obj === 'object' && Object.hasOwn(obj, toText(key));
}

/**
 * The comparison behind If/Else, If/ElseIf, Continue If, Return Error If and Assign If (reference §1.7 operator
 * list). `in`: value a is in list/text/object b. `has`: object (or list) a has key b. Unknown operator -> throws.
 */
export function compare(
  left: unknown,
  operator: unknown,
  right: unknown,
  flags: LooseFlags = DEFAULT_FLAGS,
): boolean {
  const op = normalizeOperator(operator);
  switch (op) {
    case '==':
      return looseEquals(left, right, flags);
    case '!=':
      return !looseEquals(left, right, flags);
    case '>':
    case '<':
    case '>=':
    case '<=': {
      const d = order(left, right, flags);
      if (d === undefined) return false;
      return op === '>' ? d > 0 : op === '<' ? d < 0 : op === '>=' ? d >= 0 : d <= 0;
    }
    case '%': {
      const x = toNumber(left, flags);
      const y = toNumber(right, flags);
      return x !== undefined && y !== undefined && y !== 0 && x % y === 0;
    }
    case 'in':
      return contains(right, left, flags);
    case 'not in':
      return !contains(right, left, flags);
    case 'has':
      return hasKey(left, right);
    case "doesn't have":
      return !hasKey(left, right);
    case 'is empty':
      return isEmpty(left);
    case 'is not empty':
      return !isEmpty(left);
    default:
      throw new Error(`unknown comparison operator "${op}"`);
  }
}
