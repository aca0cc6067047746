import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/util/bounded-memo.js';

describe('boundedMemo', () => {
  it('gives what the function gives, calling it once per argument (undefined results too)', () => {
    const calls: string[] = [];
    const memo = boundedMemo((key: string) => {
      calls.push(key);
      return key === 'none' ? undefined : key.length;
    });
    expect(['ab', 'none', 'ab', 'xyz', 'none'].map(memo)).toEqual([2, undefined, 2, 3, undefined]);
    expect(calls).toEqual(['ab', 'none', 'xyz']);
  });

  it('forgets everything past its limit, and stays right', () => {
    const calls: string[] = [];
    const memo = boundedMemo((key: string) => (calls.push(key), key.toUpperCase()), 2);
    expect(['a', 'b', 'c', 'a'].map(memo)).toEqual(['A', 'B', 'C', 'A']);
    // 'c' came past the limit of 2: 'a' and 'b' were forgotten, so 'a' is worked out again.
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
