import { describe, expect, it } from 'vitest';
import { retry } from '../../../src/spec/rules/retry.js';
import { runRule, withSpec } from '../helpers.js';

describe('retry', () => {
  it('accepts a window, and no retry at all', () => {
    expect(
      runRule(
        retry,
        withSpec((s) => (s.retry = { minMinutes: 2, maxMinutes: 2 })),
      ),
    ).toEqual([]);
    expect(
      runRule(
        retry,
        withSpec(() => {}),
      ),
    ).toEqual([]);
  });

  it('refuses a maximum below the minimum, at /retry/maxMinutes', () => {
    const [finding] = runRule(
      retry,
      withSpec((s) => (s.retry = { minMinutes: 4, maxMinutes: 2 })),
    );
    expect(finding).toMatchObject({
      code: 'OC-SPEC-RETRY',
      pointer: '/retry/maxMinutes',
      hint: 'set maxMinutes to 4 or more',
    });
  });
});
