import { describe, expect, it } from 'vitest';
import { compare, looseEquals, toBool, toText } from '../../../src/flopack/semantics/values.js';

const strict = { looseStrings: false, looseBooleans: false, looseNulls: false };

describe('loose semantics', () => {
  it('looseStrings compares numbers and numeric text numerically', () => {
    expect(compare(3, '>', '0')).toBe(true); // process_batched_okta_events: Length > "0"
    expect(compare('10', '>', '9')).toBe(true);
    expect(compare('b', '>', 'a')).toBe(true);
    expect(compare(3, '>', '0', strict)).toBe(false);
  });
  it('looseBooleans accepts "true"/"false" text', () => {
    expect(toBool('TRUE')).toBe(true);
    expect(compare('false', '==', false)).toBe(true);
    expect(compare('false', '==', false, strict)).toBe(false);
  });
  it('looseNulls makes a missing value equal empty text', () => {
    expect(looseEquals(null, '')).toBe(true);
    expect(looseEquals(null, '', strict)).toBe(false);
    expect(looseEquals(undefined, null, strict)).toBe(true);
    expect(toText(null)).toBe('');
    expect(toText({ a: 1 })).toBe('{"a":1}');
  });
});

describe('comparison operators (reference §1.7)', () => {
  it.each([
    [1, '==', 1, true],
    [{ a: [1] }, '==', { a: [1] }, true],
    ['a', '!=', 'b', true],
    [5, '>=', 5, true],
    [4, '<=', 3, false],
    [9, '%', 3, true],
    [10, '%', 3, false],
    ['b', 'in', ['a', 'b'], true],
    ['ell', 'in', 'hello', true],
    ['z', 'not in', ['a'], true],
    [{ k: 1 }, 'has', 'k', true],
    [[1, 2], 'has', 1, true],
    [{ k: 1 }, "doesn't have", 'x', true],
    ['', 'is empty', null, true],
    [{}, 'is empty', null, true],
    [[0], 'is not empty', null, true],
    ['x', 'equal to', 'x', true],
  ])('%j %s %j -> %s', (a, op, b, want) => {
    expect(compare(a, op, b)).toBe(want);
  });
  it('rejects an unknown operator', () => {
    expect(() => compare(1, '~=', 1)).toThrow(/unknown comparison operator "~="/);
  });
});
