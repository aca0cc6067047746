/**
 * `target.push(...items)` passes every item as an argument and overflows the stack past ~100,000 of them (a form
 * body with 150,000 fields); this appends any number.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values` (or `empty` when there are none), without spreading them into arguments. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  let any = false;
  for (const v of values) {
    max = any ? Math.max(max, v) : v;
    any = true;
  }
  return max;
}

/** The smallest of `values` (or `empty` when there are none), without spreading them into arguments. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min = empty;
  let any = false;
  for (const v of values) {
    min = any ? Math.min(min, v) : v;
    any = true;
  }
  return min;
}
