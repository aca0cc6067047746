/** A value met while walking a JSON-like value: where it is (keys and indexes from the root) and what it is. */
export interface Visit {
  readonly path: ReadonlyArray<string | number>;
  readonly value: unknown;
  /** How many keys and indexes lead to the value: `path.length`, without building the path. */
  readonly depth: number;
}

/**
 * A visit that builds its path only when asked: walks mostly look at values and need the path of a few (a rule's
 * findings), and copying a path for every value was most of a walk over a 1,000-action spec (issue 17).
 */
class Step implements Visit {
  private built: Array<string | number> | undefined;
  constructor(
    readonly value: unknown,
    private readonly parent: Step | undefined,
    private readonly key: string | number,
    readonly depth: number,
  ) {}

  get path(): ReadonlyArray<string | number> {
    if (!this.built) {
      const path: Array<string | number> = new Array<string | number>(this.depth);
      for (let step: Step | undefined = this; step?.parent; step = step.parent)
        path[step.depth - 1] = step.key;
      this.built = path;
    }
    return this.built;
  }
}

/**
 * Calls `visit` with every value inside `root` (root first, then depth first in document order) and its path. A loop
 * with an explicit stack, not recursion, so no nesting depth overflows the call stack; a value met twice (a shared or
 * cyclic reference) is visited once. A callback rather than a generator: resuming a generator for each value cost
 * twice the walk itself on a 1,000-action spec (issue 17).
 */
export function walkJson(root: unknown, visit: (visit: Visit) => void): void {
  const pending: Step[] = [new Step(root, undefined, '', 0)];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const next = pending.pop()!;
    visit(next);
    const value = next.value;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    const depth = next.depth + 1;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push(new Step(value[i], next, i, depth));
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        pending.push(new Step((value as Record<string, unknown>)[key], next, key, depth));
      }
    }
  }
}

/**
 * Whether some string inside `root` passes `test`: walkJson's sharing rules (a value met twice is looked into once)
 * without a visit (and its path) for each value, for a rule that reports rarely and would otherwise walk a whole spec
 * with paths (issue 17). The answer needs no order, so children are pushed as they come, and an object's values are
 * read by key rather than copied out with Object.values: a fifth less for a 1,000-action spec, cold.
 */
export function someString(root: unknown, test: (text: string) => boolean): boolean {
  const pending: unknown[] = [root];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (test(value)) return true;
      continue;
    }
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) pending.push(value[i]);
    } else {
      const keys = Object.keys(value);
      for (let i = 0; i < keys.length; i++) pending.push((value as Record<string, unknown>)[keys[i]!]);
    }
  }
  return false;
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
