/** Dotted paths as Okta's Object Get / Get Multiple / Construct use them: `data.events`, `result.0.id` [V §1.7]. */

export function splitPath(path: string | readonly string[]): string[] {
  if (Array.isArray(path)) return path.map(String);
  const s = String(path);
  return s === '' ? [] : s.split('.');
}

export function getPath(obj: unknown, path: string | readonly string[]): unknown {
  let cur: unknown = obj;
  for (const seg of splitPath(path)) {
    if (cur === null || cur === undefined) return undefined;
    if (typeof cur === 'string') {
      // Okta parses JSON text on the way through a path [I]; cheap check first.
      const t = cur.trimStart();
      if (t.startsWith('{') || t.startsWith('[')) {
        try {
          cur = JSON.parse(cur);
        } catch {
          return undefined;
        }
      } else return undefined;
    }
    if (typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

const INDEX = /^(0|[1-9]\d*)$/;

/** Sets `path` in `target` in place, creating objects (or arrays for numeric segments) on the way. */
export function setPath(
  target: Record<string, unknown> | unknown[],
  path: string | readonly string[],
  value: unknown,
): void {
  const segs = splitPath(path);
  if (segs.length === 0) return;
  let cur: Record<string, unknown> = target as Record<string, unknown>;
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i]!;
    let next = cur[seg];
    if (next === null || typeof next !== 'object') {
      next = INDEX.test(segs[i + 1]!) ? [] : {};
      cur[seg] = next;
    }
    cur = next as Record<string, unknown>;
  }
  cur[segs[segs.length - 1]!] = value;
}

/** A copy of `obj` with `path` set: copies only the objects along the path (no deep clone). */
export function withPath(obj: unknown, path: string | readonly string[], value: unknown): unknown {
  const segs = splitPath(path);
  if (segs.length === 0) return value;
  const [head, ...rest] = segs as [string, ...string[]];
  const base: Record<string, unknown> | unknown[] = Array.isArray(obj)
    ? obj.slice()
    : obj && typeof obj === 'object'
      ? { ...(obj as object) }
      : INDEX.test(head)
        ? []
        : {};
  const child = (base as Record<string, unknown>)[head];
  (base as Record<string, unknown>)[head] = rest.length ? withPath(child, rest, value) : value;
  return base;
}
