import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../src/mock/openapi/random.js';
import { someString, walkJson, type Visit } from '../../src/util/json-walk.js';

/** The walk as it was before its paths were built lazily (issue 17): the reference for order, paths and values. */
function* referenceWalk(root: unknown): Generator<{ path: ReadonlyArray<string | number>; value: unknown }> {
  const pending: Array<{ path: ReadonlyArray<string | number>; value: unknown }> = [
    { path: [], value: root },
  ];
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

/** Random JSON-like values, with integer-like keys (which objects order first) and shared and cyclic references. */
function randomValue(r: Random, depth: number, pool: object[]): unknown {
  const kind = depth > 5 ? r.int(2, 4) : r.int(0, 5);
  if (kind === 0) {
    const object: Record<string, unknown> = {};
    for (let i = r.int(0, 4); i > 0; i--)
      object[r.pick(['a', 'b', '2', '10', '__proto__', ''])] = randomValue(r, depth + 1, pool);
    pool.push(object);
    return object;
  }
  if (kind === 1) {
    const array = Array.from({ length: r.int(0, 3) }, () => randomValue(r, depth + 1, pool));
    pool.push(array);
    return array;
  }
  if (kind === 5 && pool.length > 0) return r.pick(pool);
  return r.pick(['x', 0, null, true, 'https://u:p@h']);
}

describe('walkJson', () => {
  it('visits the values, in the order and with the paths of the eager walk it replaced', () => {
    for (let i = 0; i < 2000; i++) {
      const r = seededRandom('json-walk', String(i));
      const root = randomValue(r, 0, []);
      const expected = [...referenceWalk(root)];
      const visits: Visit[] = [];
      walkJson(root, (visit) => visits.push(visit));
      expect(visits.map((v) => v.value)).toEqual(expected.map((v) => v.value));
      // Paths read in any order (last first here), and twice, give the same arrays.
      const paths = visits.map((_, k) => visits[visits.length - 1 - k]!.path).reverse();
      expect(paths).toEqual(expected.map((v) => v.path));
      expect(visits.map((v) => v.path)).toEqual(paths);
      expect(visits.map((v) => v.depth)).toEqual(expected.map((v) => v.path.length));
    }
  });

  it('someString answers as a test of every string walkJson visits', () => {
    let found = 0;
    for (let i = 0; i < 2000; i++) {
      const r = seededRandom('some-string', String(i));
      const root = randomValue(r, 0, []);
      const test = (text: string) => text.includes('@');
      let expected = false;
      walkJson(root, (visit) => {
        if (typeof visit.value === 'string' && test(visit.value)) expected = true;
      });
      expect(someString(root, test)).toBe(expected);
      if (expected) found++;
    }
    expect(found).toBeGreaterThan(100);
    expect(found).toBeLessThan(1900);
  });
});
