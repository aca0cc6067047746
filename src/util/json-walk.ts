/** A value met while walking a JSON-like value: where it is (keys and indexes from the root) and what it is. */
export interface Visit {
  path: ReadonlyArray<string | number>;
  value: unknown;
}

/**
 * Every value inside `root` (root first, then depth first in document order), with its path. A loop with an explicit
 * stack, not recursion, so no nesting depth overflows the call stack; a value met twice (a shared or cyclic
 * reference) is visited once.
 */
export function* walkJson(root: unknown): Generator<Visit> {
  const pending: Visit[] = [{ path: [], value: root }];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const next = pending.pop()!;
    yield next;
    const value = next.value;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ path: [...next.path, i], value: value[i] });
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        pending.push({ path: [...next.path, key], value: (value as Record<string, unknown>)[key] });
      }
    }
  }
}

/** How deeply `root` nests (a scalar is 0, `[]` is 1), stopping early once `limit` is passed. */
export function nestingDepth(root: unknown, limit = Infinity): number {
  let deepest = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(value)) pending.push({ value: child, depth: depth + 1 });
  }
  return deepest;
}
