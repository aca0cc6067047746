import { describe, expect, it } from 'vitest';
import {
  atLeast,
  atMost,
  BUILD_TARGETS,
  buildVerdict,
  ISSUE_FLOORS,
  mockTwilioVerdict,
} from '../../bench/targets.js';

const budget1000 = BUILD_TARGETS[1000]!;

describe('buildVerdict', () => {
  it('gives the absolute verdict alone when the row has no floor of its own', () => {
    expect(buildVerdict(budget1000, 1999, 200)).toBe('met');
    expect(buildVerdict(budget1000, 2000, 200)).toBe('missed');
    expect(buildVerdict(budget1000, 1500, 290)).toBe('missed');
  });

  it("scales the time budget by this machine's node -e 0 over the issue's", () => {
    // A floor 1.2x the issue's makes the 2,000 ms budget 2,400 ms.
    const floor = ISSUE_FLOORS.nodeMs * 1.2;
    expect(buildVerdict(budget1000, 2100, 200, floor)).toBe(
      `missed; at this machine's floor (${floor} vs ${ISSUE_FLOORS.nodeMs} ms): < 2400 ms, met`,
    );
    expect(buildVerdict(budget1000, 2400, 200, floor)).toMatch(/< 2400 ms, missed$/);
  });

  it('never scales memory', () => {
    expect(buildVerdict(budget1000, 1000, 300, ISSUE_FLOORS.nodeMs * 2)).toMatch(/^missed; .*, missed$/);
  });
});

describe('mockTwilioVerdict', () => {
  it("scales 15,000 req/s by this machine's bare server over the issue's", () => {
    const half = ISSUE_FLOORS.bareRequestsPerSecond / 2;
    expect(mockTwilioVerdict(12_000, half)).toBe(
      `missed; at this machine's floor (bare ${half} vs ${ISSUE_FLOORS.bareRequestsPerSecond} req/s): ≥ 7500 req/s, met`,
    );
    expect(mockTwilioVerdict(15_000, ISSUE_FLOORS.bareRequestsPerSecond)).toMatch(
      /^met; .*≥ 15000 req\/s, met$/,
    );
    expect(mockTwilioVerdict(7_000, half)).toMatch(/^missed; .*, missed$/);
  });
});

describe('ratio budgets', () => {
  it('holds a ratio at or under its budget, or at or over it', () => {
    expect(atMost(2.5, 2.5)).toBe('2.5x, met');
    expect(atMost(2.51, 2.5)).toBe('2.51x, missed');
    expect(atLeast(10, 10)).toBe('10x, met');
    expect(atLeast(9.9, 10)).toBe('9.9x, missed');
  });
});
