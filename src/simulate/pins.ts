import { toText } from '../flopack/semantics/values.js';

/**
 * Pin transforms: `transform: {[outputId]: {convert, forceWrapArray, dest}}` on a pin (reference §1.6). The kinds seen
 * in 125 templates: dateTime, parse, wrapArray, stringify, toString, parseFloat, isoString, booleanToString.
 * Dates travel as ISO-8601 strings in the simulator [I].
 */
export const PIN_CONVERSIONS = [
  'dateTime',
  'parse',
  'wrapArray',
  'stringify',
  'toString',
  'parseFloat',
  'isoString',
  'booleanToString',
] as const;

function toIso(v: unknown): unknown {
  if (v === null || v === undefined || v === '') return null;
  const d = typeof v === 'number' ? new Date(v) : new Date(toText(v));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function convertValue(convert: string, v: unknown): unknown {
  switch (convert) {
    case 'dateTime':
    case 'isoString':
      return toIso(v);
    case 'parse':
      if (typeof v !== 'string') return v;
      try {
        return JSON.parse(v);
      } catch {
        return null; // [I] unparsable text arrives as null, as a failed auto-transform
      }
    case 'wrapArray':
      return Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];
    case 'stringify':
      return typeof v === 'string' ? v : v === undefined ? null : JSON.stringify(v);
    case 'toString':
      return toText(v);
    case 'parseFloat': {
      const n = typeof v === 'number' ? v : Number.parseFloat(toText(v));
      return Number.isFinite(n) ? n : null;
    }
    case 'booleanToString':
      return typeof v === 'boolean' ? String(v) : toText(v);
    default:
      return v; // unknown conversion: pass through (inspect reports it)
  }
}

/** Applies one pin's transform (or none) to a value. `forceWrapArray` wraps the converted value in a list. */
export function applyTransform(v: unknown, convert: string | undefined, forceWrapArray: boolean): unknown {
  let out = convert ? convertValue(convert, v) : v;
  if (forceWrapArray && !Array.isArray(out)) out = out === null || out === undefined ? [] : [out];
  return out;
}
