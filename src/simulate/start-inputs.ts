import type { IoField } from '../flopack/types.js';
import type { RuntimeCard } from './plan.js';

function parseJsonObject(text: unknown): Record<string, unknown> | undefined {
  if (typeof text !== 'string' || !text.trim().startsWith('{')) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function lookup(given: Record<string, unknown>, f: IoField): { found: boolean; value?: unknown } {
  if (Object.hasOwn(given, f.key)) return { found: true, value: given[f.key] };
  const label = f.metadata?.displayname;
  if (label && Object.hasOwn(given, label)) return { found: true, value: given[label] };
  return { found: false };
}

/**
 * Values for a start card's inputs (keyed by input id): given inputs match the field `key`, then
 * `metadata.displayname`. API Endpoint [I, §1.7]: custom fields in group `body` come from the raw JSON `body` text,
 * group `query` from the raw query string, group `headers` from the raw headers, unless given directly.
 */
export function seedStartInputs(start: RuntimeCard, given: Record<string, unknown>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const isAccept = start.info.tail === 'http:accept';
  let body: Record<string, unknown> | undefined;
  let query: URLSearchParams | undefined;
  let headers: Record<string, unknown> | undefined;
  if (isAccept) {
    body =
      parseJsonObject(given['body']) ??
      (isPlainObject(given['body']) ? (given['body'] as Record<string, unknown>) : undefined);
    if (typeof given['query'] === 'string') query = new URLSearchParams(given['query'].replace(/^\?/, ''));
    if (isPlainObject(given['headers'])) {
      headers = {};
      for (const [k, v] of Object.entries(given['headers'] as object)) headers[k.toLowerCase()] = v;
    }
  }
  for (const f of start.inputs) {
    if (isAccept && f.group === 'raw') {
      const g = lookup(given, f);
      if (g.found)
        values.set(f.id, f.key === 'body' && isPlainObject(g.value) ? JSON.stringify(g.value) : g.value);
      continue;
    }
    const g = lookup(given, f);
    if (g.found) {
      values.set(f.id, g.value);
    } else if (isAccept && f.group === 'body' && body && Object.hasOwn(body, f.key)) {
      values.set(f.id, body[f.key]);
    } else if (isAccept && f.group === 'query' && query?.has(f.key)) {
      values.set(f.id, query.get(f.key));
    } else if (isAccept && f.group === 'headers' && headers && Object.hasOwn(headers, f.key.toLowerCase())) {
      values.set(f.id, headers[f.key.toLowerCase()]);
    }
  }
  return values;
}

function isPlainObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
