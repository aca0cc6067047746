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
