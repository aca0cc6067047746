import { describe, expect, it } from 'vitest';
import { copyDeclared } from '../../../src/flopack/builder/fields.js';
import { CARDS } from '../../../src/flopack/cards/index.js';
import { deepFreeze } from '../../../src/util/deep-freeze.js';

/** A small seeded generator, so a failure names a value that can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
    return (seed >>> 0) / 2 ** 32;
  };
}

// Keys whose order matters: integer-like keys enumerate first, then the rest in insertion order.
const KEYS = ['b', 'a', '2', '10', 'Content-Type', '', 'data', '__proto__x'];
const LEAVES: unknown[] = [null, undefined, '', 'text', 0, -0, 1.5, Number.NaN, true, false];

function randomValue(next: () => number, depth: number): unknown {
  const pick = next();
  if (depth === 0 || pick < 0.4) return LEAVES[Math.floor(next() * LEAVES.length)];
  const size = Math.floor(next() * 4);
  if (pick < 0.7) return Array.from({ length: size }, () => randomValue(next, depth - 1));
  const object: Record<string, unknown> = {};
  for (let i = 0; i < size; i++)
    object[KEYS[Math.floor(next() * KEYS.length)]!] = randomValue(next, depth - 1);
  return object;
}

/** Every object and array inside `value`, itself included. */
function containers(value: unknown, into: object[] = []): object[] {
  if (value === null || typeof value !== 'object') return into;
  into.push(value);
  for (const v of Object.values(value)) containers(v, into);
  return into;
}

/** The copy is what the structuredClone it replaces gave (the reference): equal, same key order, nothing shared. */
function expectSameCopy(declared: unknown): void {
  const copy = copyDeclared(declared);
  expect(copy).toStrictEqual(structuredClone(declared));
  expect(JSON.stringify(copy)).toBe(JSON.stringify(declared));
  const own = containers(copy);
  const shared = containers(declared).filter((c) => own.includes(c));
  expect(shared).toEqual([]);
  for (const c of own) expect(Object.isFrozen(c)).toBe(false);
}

describe('copyDeclared', () => {
  it('copies random frozen declarations as structuredClone does', () => {
    const next = random(11);
    for (let n = 0; n < 2_000; n++) expectSameCopy(deepFreeze(randomValue(next, 4)));
  });

  it('copies every frozen `data` the card catalogue declares as structuredClone does', () => {
    const declared: unknown[] = [];
    const seen = new Set<object>();
    const walk = (value: unknown): void => {
      if (value === null || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      const data = (value as { data?: unknown }).data;
      if (data !== null && typeof data === 'object' && Object.isFrozen(data)) declared.push(data);
      for (const v of Object.values(value)) walk(v);
    };
    walk(CARDS);
    expect(declared.length).toBeGreaterThan(0);
    for (const data of declared) expectSameCopy(data);
  });
});
