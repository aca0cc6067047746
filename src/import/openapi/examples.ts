import { createRequire } from 'node:module';
import { dropdownValues, effectiveType, type Shape } from './schema.js';

// randexp is CommonJS whose module object is the class itself.
const RandExp = createRequire(import.meta.url)('randexp') as typeof import('randexp').default;

const MAX_DEPTH = 4;

/**
 * A value for a field from the description: its example, else its default, else its first enum value, else one
 * made from the schema (a string that fits common formats and the pattern, 1 for numbers, objects with their
 * required fields). Used to run imported actions with inputs the description itself suggests.
 */
export function exampleValue(shape: Shape, depth = 0): unknown {
  if (shape.example !== undefined && fits(shape, shape.example)) return shape.example;
  if (shape.default !== undefined && fits(shape, shape.default)) return shape.default;
  if (shape.enum?.length) return shape.enum.find((v) => v !== null) ?? shape.enum[0];
  const type = effectiveType(shape);
  if (!type && shape.choices?.length) return exampleValue(shape.choices[0]!, depth + 1);
  switch (type) {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return depth >= MAX_DEPTH || !shape.items ? [] : [exampleValue(shape.items, depth + 1)];
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth >= MAX_DEPTH) return out;
      for (const name of shape.required) {
        const prop = shape.properties[name];
        if (prop && !prop.readOnly) out[name] = exampleValue(prop, depth + 1);
      }
      return out;
    }
    default:
      return exampleString(shape);
  }
}

/** A string for the format, unless the schema's pattern refuses it: then the pattern's plainest match. */
function exampleString(shape: Shape): string {
  const byFormat = formatString(shape.format);
  if (shape.pattern === undefined || matches(shape.pattern, byFormat)) return byFormat;
  return fromPattern(shape.pattern) ?? byFormat;
}

function formatString(format: string | undefined): string {
  switch (format) {
    case 'date-time':
      return '2024-01-02T03:04:05Z';
    case 'date':
      return '2024-01-02';
    case 'email':
      return 'user@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com/callback';
    case 'uuid':
      return '123e4567-e89b-12d3-a456-426614174000';
    case 'phone-number':
      return '+14155550100';
    default:
      return 'example';
  }
}

/**
 * The plainest string a pattern accepts (Twilio's `^AC[0-9a-fA-F]{32}$` → `AC000…0`): randexp always taking the
 * first choice and the fewest repeats, from printable characters without space or punctuation, so the same
 * pattern gives the same value. Undefined when randexp cannot read the pattern or its value does not match.
 */
function fromPattern(pattern: string): string | undefined {
  try {
    const gen = new RandExp(pattern);
    gen.randInt = (low: number) => low;
    gen.defaultRange.subtract(0, 0x2f);
    const value = gen.gen();
    return matches(pattern, value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** JSON Schema patterns are ECMA-262 regular expressions, unanchored. */
function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}

function fits(shape: Shape, value: unknown): boolean {
  if (value === null) return false;
  const type = effectiveType(shape);
  if (type === 'integer' || type === 'number') return typeof value === 'number';
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'string')
    return typeof value === 'string' && (!dropdownValues(shape) || shape.enum!.includes(value));
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && !Array.isArray(value);
  return true;
}
