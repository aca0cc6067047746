import { round } from './support/stats.js';

/*
 * Issue 17's budgets, and the floors they were set beside. The issue measured on its machine "each command
 * alternated with `node -e 0`, 56-61 ms" and a bare Node server at 52,071 req/s. A budget in milliseconds or
 * requests per second belongs to that machine. Scaled by this run's floor over the issue's floor, it is the same
 * budget on the machine the bench runs on. This is the issue's own method: ratios to the floor.
 * Every row shows both verdicts, the absolute one first. Memory is not scaled, because machine speed does not
 * change it.
 */

/** The floors of issue 17's table: `node -e 0` (the middle of 56-61 ms) and a bare node:http server. */
export const ISSUE_FLOORS = { nodeMs: 58.5, bareRequestsPerSecond: 52_071 } as const;

export interface BuildTarget {
  ms: number;
  mib: number;
  label: string;
}

/** Issue 17's build budgets by action count; 300 MB = 286 MiB, 600 MB = 572 MiB. */
export const BUILD_TARGETS: Record<number, BuildTarget> = {
  1000: { ms: 2000, mib: 286, label: 'target < 2000 ms, < 300 MB' },
  3000: { ms: 6000, mib: 572, label: 'target < 6000 ms, < 600 MB' },
};

/** Issue 17's mock Twilio budget, in creates per second over 50 keep-alive connections. */
export const MOCK_TWILIO_TARGET_RPS = 15_000;

/**
 * Issue 17's budgets that are ratios to a floor measured in the same run, so they hold on any machine as they are:
 * cold starts against `node -e 0`, `simulate` against a raw request to the mock in its own process, and the
 * OpenAPI mock against Prism (at least).
 */
export const RATIO_TARGETS = {
  versionColdStart: 1.5,
  validateColdStart: 2.5,
  buildColdStart: 4,
  simulate: 2,
  simulateTraced: 2.5,
  mockOpenApiOverPrism: 10,
} as const;

const metOrMissed = (met: boolean) => (met ? 'met' : 'missed');

/** `1.93x, met` for a ratio that must stay at or under its budget. */
export function atMost(ratio: number, target: number): string {
  return `${ratio}x, ${metOrMissed(ratio <= target)}`;
}

/** `17.1x, met` for a ratio that must reach its budget. */
export function atLeast(ratio: number, target: number): string {
  return `${ratio}x, ${metOrMissed(ratio >= target)}`;
}

/**
 * The build's verdict against its budget. `floorMs` is `node -e 0` as measured alternately with the build; without
 * it (a row with no floor of its own) only the absolute verdict is given.
 */
export function buildVerdict(target: BuildTarget, ms: number, mib: number, floorMs?: number): string {
  const memory = mib < target.mib;
  const absolute = metOrMissed(ms < target.ms && memory);
  if (floorMs === undefined) return absolute;
  const scaledMs = round((target.ms * floorMs) / ISSUE_FLOORS.nodeMs, 0);
  return `${absolute}; at this machine's floor (${floorMs} vs ${ISSUE_FLOORS.nodeMs} ms): < ${scaledMs} ms, ${metOrMissed(ms < scaledMs && memory)}`;
}

/** The mock's verdict: ≥ 15,000 req/s, and the same budget scaled by this run's bare node:http server. */
export function mockTwilioVerdict(requestsPerSecond: number, bareRequestsPerSecond: number): string {
  const scaled = round(
    (MOCK_TWILIO_TARGET_RPS * bareRequestsPerSecond) / ISSUE_FLOORS.bareRequestsPerSecond,
    0,
  );
  return (
    `${metOrMissed(requestsPerSecond >= MOCK_TWILIO_TARGET_RPS)}; at this machine's floor ` +
    `(bare ${bareRequestsPerSecond} vs ${ISSUE_FLOORS.bareRequestsPerSecond} req/s): ≥ ${scaled} req/s, ` +
    metOrMissed(requestsPerSecond >= scaled)
  );
}
