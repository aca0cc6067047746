import { HTTP_RETRY } from '../connector/contract.js';
import type { ErrorPolicy } from '../flopack/types.js';
import type { ConnectorSpec } from '../spec/types.js';

/** The statuses a retry policy retries: Connector Builder's rate limits, every error status, or the spec's list. */
export function retryStatuses(on: NonNullable<ConnectorSpec['retry']>['on']): number[] {
  if (on === undefined || on === 'rateLimits') return [...HTTP_RETRY.rateLimitStatuses];
  if (on === 'allErrors') return Array.from({ length: 200 }, (_, i) => 400 + i);
  return [...new Set(on)].sort((a, b) => a - b);
}

/**
 * httpHelper's Raw Request `model.policy.error` for the spec's `retry` (contract HTTP_RETRY): Connector Builder's
 * default when the spec says nothing, no retry at all for `times: 0`.
 */
export function httpRetryPolicy(spec: ConnectorSpec): ErrorPolicy {
  const d = HTTP_RETRY.defaults;
  const times = spec.retry?.times ?? d.times;
  if (times === 0) return { type: 'finish' };
  const min = spec.retry?.minMinutes ?? d.minMinutes;
  const max = Math.max(min, spec.retry?.maxMinutes ?? Math.max(d.maxMinutes, min));
  return {
    type: 'finish',
    retry: times,
    delay: min * 60_000,
    delayMax: max * 60_000,
    statuses: retryStatuses(spec.retry?.on ?? d.on),
  };
}
