import { describe, expect, it } from 'vitest';
import { regexLiterals } from '../../src/handoff-package/regex-fragments.js';

describe('regexLiterals: the text every match of a pattern must contain', () => {
  it.each([
    ['^SM[0-9a-f]{32}$', { anchoredStart: true, fragments: ['SM'] }],
    ['timed out', { anchoredStart: false, fragments: ['timed out'] }],
    [
      'resource .*/Messages/SM0\\.json was',
      { anchoredStart: false, fragments: ['resource ', '/Messages/SM0.json was'] },
    ],
    ['colou?r', { anchoredStart: false, fragments: ['colo', 'r'] }],
    ['ab+c', { anchoredStart: false, fragments: ['ab', 'c'] }],
    ['x(yz)?w', { anchoredStart: false, fragments: ['x', 'w'] }],
    ['^\\d+ items', { anchoredStart: false, fragments: [' items'] }],
    ['a{2,3}b', { anchoredStart: false, fragments: ['b'] }],
  ])('%s', (pattern, expected) => {
    expect(regexLiterals(pattern)).toEqual(expected);
  });

  it('gives up on alternation, where no text is required', () => {
    expect(regexLiterals('queued|sent')).toBeUndefined();
  });

  it('never asks for text a matching string lacks', () => {
    const cases: Array<[string, string]> = [
      ['^SM[0-9a-f]{32}$', 'SM0123456789abcdef0123456789abcdef'],
      ['colou?r', 'color'],
      ['x(yz)?w', 'xw'],
      ['a{2,3}b', 'aab'],
      ['Sandbox', 'Twilio Sandbox: not joined'],
    ];
    for (const [pattern, text] of cases) {
      expect(new RegExp(pattern).test(text)).toBe(true);
      const lit = regexLiterals(pattern)!;
      lit.fragments.forEach((f, i) => {
        expect(text.includes(f), `${pattern} / ${f}`).toBe(true);
        if (i === 0 && lit.anchoredStart) expect(text.startsWith(f)).toBe(true);
      });
    }
  });
});
