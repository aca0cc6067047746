import { describe, it, expect } from 'vitest';
import { didYouMean, didYouMeanSuffix, levenshtein } from '../../src/util/did-you-mean.js';

describe('levenshtein', () => {
  it('counts edits', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
  });
});

describe('didYouMean', () => {
  const actions = ['Send Message', 'Send WhatsApp', 'Get Message', 'List Messages', 'Delete Message'];
  it('finds a close action name, ignoring case', () => {
    expect(didYouMean('Send Mesage', actions)).toBe('Send Message');
    expect(didYouMean('get message', actions)).toBe('Get Message');
    expect(didYouMean('List Message', actions)).toBe('List Messages');
  });
  it('suggests nothing for unrelated input', () => {
    expect(didYouMean('zzz', actions)).toBeUndefined();
    expect(didYouMeanSuffix('zzz', actions)).toBe('');
  });
  it('formats a suffix', () => {
    expect(didYouMeanSuffix('bodyy', ['to', 'body'])).toBe(' (did you mean "body"?)');
  });
});

describe('didYouMeanHint', () => {
  it('phrases the closest candidate as a diagnostic hint, or gives nothing', async () => {
    const { didYouMeanHint } = await import('../../src/util/did-you-mean.js');
    expect(didYouMeanHint('usename', ['type', 'username', 'password'])).toBe('did you mean "username"?');
    expect(didYouMeanHint('zzz', ['type', 'username'])).toBeUndefined();
  });
});

describe('boundedLevenshtein', () => {
  it('agrees with the full distance within the limit and says limit + 1 beyond it', async () => {
    const { boundedLevenshtein } = await import('../../src/util/did-you-mean.js');
    const words = ['kitten', 'sitting', 'sitten', 'kit', '', 'mitten', 'smitten', 'abcdef', 'fedcba'];
    for (const a of words) {
      for (const b of words) {
        const full = levenshtein(a, b);
        for (const limit of [0, 1, 2, 3, 6]) {
          expect(boundedLevenshtein(a, b, limit), `${a} ${b} ${limit}`).toBe(
            full <= limit ? full : limit + 1,
          );
        }
      }
    }
  });
});

describe('didYouMean on hostile input (issue 18 #3)', () => {
  it('answers at once for a 40,000-character name against 40,000-character candidates', () => {
    const huge = 'k'.repeat(40_000);
    const started = performance.now();
    expect(didYouMean(huge + 'x', [huge, 'body', huge + 'y'])).toBeUndefined();
    expect(didYouMean('inputs.bodyy', ['inputs.body', huge])).toBe('inputs.body');
    // A quadratic edit distance takes seconds here; the capped one takes microseconds.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
