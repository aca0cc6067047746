import { describe, expect, it } from 'vitest';
import { HTTP_RETRY } from '../../src/connector/contract.js';
import { httpRetryPolicy, retryStatuses } from '../../src/generate/retry-policy.js';
import type { ConnectorSpec } from '../../src/spec/types.js';
import { withSpec } from '../spec/helpers.js';

const withRetry = (retry?: ConnectorSpec['retry']) =>
  withSpec((s) => {
    if (retry) s.retry = retry;
    else delete s.retry;
  });

describe('retry policy of httpHelper’s HTTP card', () => {
  it('is Connector Builder’s default without `retry`: 429 and 504, 3 times, 1 to 3 minutes', () => {
    expect(httpRetryPolicy(withRetry())).toEqual({
      type: 'finish',
      retry: 3,
      delay: 60_000,
      delayMax: 180_000,
      statuses: [...HTTP_RETRY.rateLimitStatuses],
    });
  });

  it('retries none with times: 0', () => {
    expect(httpRetryPolicy(withRetry({ times: 0 }))).toEqual({ type: 'finish' });
  });

  it('takes the spec’s times, minutes and statuses; a maximum below the minimum is raised to it', () => {
    expect(
      httpRetryPolicy(withRetry({ on: [503, 429, 503], times: 5, minMinutes: 4, maxMinutes: 2 })),
    ).toEqual({
      type: 'finish',
      retry: 5,
      delay: 240_000,
      delayMax: 240_000,
      statuses: [429, 503],
    });
    // Only a minimum above the default maximum moves the maximum.
    expect(httpRetryPolicy(withRetry({ minMinutes: 5 }))).toMatchObject({
      delay: 300_000,
      delayMax: 300_000,
    });
    expect(httpRetryPolicy(withRetry({ minMinutes: 2 }))).toMatchObject({
      delay: 120_000,
      delayMax: 180_000,
    });
  });

  it('names every error status for allErrors', () => {
    const all = retryStatuses('allErrors');
    expect(all[0]).toBe(400);
    expect(all.at(-1)).toBe(599);
    expect(all).toHaveLength(200);
  });
});
