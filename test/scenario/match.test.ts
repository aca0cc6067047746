import { describe, it, expect } from 'vitest';
import { matchOrderedSubset, matchValue } from '../../src/scenario/match.js';

describe('matchValue', () => {
  it('matches object subsets and regexes', () => {
    const actual = { status: 'queued', sid: 'SM' + 'a'.repeat(32), extra: 1 };
    expect(matchValue({ status: 'queued', sid: { match: '^SM[0-9a-f]{32}$' } }, actual, 'outputs')).toEqual(
      [],
    );
  });
  it('reports the path, expected and actual of each difference', () => {
    const m = matchValue({ status: 'sent', to: 'x' }, { status: 'queued' }, 'outputs');
    expect(m).toEqual([
      {
        path: 'outputs.status',
        expected: 'sent',
        actual: 'queued',
        message: 'expected "sent", found "queued"',
      },
      { path: 'outputs.to', expected: 'x', actual: undefined, message: 'missing' },
    ]);
  });
  it('is strict about scalar types but lets regexes test numbers', () => {
    expect(matchValue(1, '1', 'n')).toHaveLength(1);
    expect(matchValue({ match: '^630' }, 63015, 'n')).toEqual([]);
  });
  it('compares lists by length and element', () => {
    expect(matchValue([1, 2], [1, 2], 'l')).toEqual([]);
    expect(matchValue([1], [1, 2], 'l')[0]?.message).toBe('expected 1 items, found 2');
  });
  it('can match header names case-insensitively', () => {
    expect(
      matchValue(
        { 'content-type': { match: 'form' } },
        { 'Content-Type': 'application/x-www-form-urlencoded' },
        'h',
        true,
      ),
    ).toEqual([]);
  });
});

describe('matchOrderedSubset', () => {
  const one = (e: unknown, a: unknown, p: string) => matchValue(e, a, p);
  it('finds expected items in order, skipping others', () => {
    expect(
      matchOrderedSubset(
        [{ m: 'GET' }, { m: 'POST' }],
        [{ m: 'GET' }, { m: 'PUT' }, { m: 'POST' }],
        'r',
        one,
      ),
    ).toEqual([]);
  });
  it('fails when the order is wrong', () => {
    const m = matchOrderedSubset([{ m: 'POST' }, { m: 'GET' }], [{ m: 'GET' }, { m: 'POST' }], 'r', one);
    expect(m[0]?.path).toBe('r[1]');
    expect(m[0]?.message).toMatch(/no further item/);
  });
  it('names the closest candidate when nothing matches', () => {
    const m = matchOrderedSubset([{ m: 'POST', p: '/a' }], [{ m: 'POST', p: '/b' }], 'r', one);
    expect(m[0]?.message).toMatch(/closest differs at r\[0\]\.p/);
  });
});
