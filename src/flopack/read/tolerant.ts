/**
 * Reading JSON that may not have the shape it should (a hand-edited export): every accessor answers undefined
 * rather than throwing.
 */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectOr(value: unknown): Json {
  return isObject(value) ? value : {};
}

export function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
