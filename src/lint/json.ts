import type { Json } from './types.js';

export function isObj(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objOr(value: unknown): Json {
  return isObj(value) ? value : {};
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Appends one JSON pointer segment (RFC 6901 escaping). */
export function child(pointer: string, segment: string | number): string {
  return `${pointer}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** `flow "X" › card "Y" (id)` — quotes inside names are escaped so the label stays unambiguous. */
export function quote(name: string): string {
  return JSON.stringify(name);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export function isLowerUuid(id: string): boolean {
  return UUID.test(id);
}

/** Kernel cards: `root:kernel:<module>:0.0.1:<key>`; tail is `<module>:<key>` (e.g. `control:tryCatch`). */
export function kernelTail(address: string): string | undefined {
  const parts = address.split(':');
  if (parts.length !== 5 || parts[0] !== 'root' || parts[1] !== 'kernel') return undefined;
  return `${parts[2]}:${parts[4]}`;
}

/** `root:channels:http:<channel>:<version>:<key>` → channel key. */
export function channelKey(address: string): string | undefined {
  const parts = address.split(':');
  return parts[1] === 'channels' && parts.length > 3 ? parts[3] : undefined;
}

/** A short, safe rendering of an arbitrary value for a message (no deep or circular output, no long strings). */
export function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
}
