import { describe, expect, it } from 'vitest';
import { loadBases } from '../../fuzz/bases.js';
import { fuzz } from '../../fuzz/harness.js';

/**
 * A few hundred seeded cases of `npm run fuzz` on every test run (issue 18): mutated specs and flopacks through
 * validate, build, lint and simulate. A failure prints each failing case's seed; `npm run fuzz -- --seed <seed>
 * --cases 1` replays it alone.
 */
describe('fuzz invariants', () => {
  it('hold for 200 seeded cases', async () => {
    const report = await fuzz({
      cases: 200,
      seed: 18_000,
      ...(await loadBases()),
      budgetMs: 10_000,
      simulateShare: 0.2,
    });
    const failures = report.findings.map((f) => `seed ${f.seed} ${f.kind}: ${f.detail}`);
    expect(failures, failures.join('\n')).toEqual([]);
    expect(report).toMatchObject({
      cases: 200,
      crashes: 0,
      stackTraces: 0,
      undocumentedExitCodes: 0,
      validateAcceptsBuildFails: 0,
      lintErrorsSimulateRan: 0,
      secretLeaks: 0,
    });
    // The cases reach every step, both ways: not a harness that only ever sees its input rejected.
    for (const outcome of [
      'validate:0',
      'validate:1',
      'build:0',
      'lint:0',
      'lint:1',
      'simulate:1',
      'simulate:3',
    ]) {
      expect(report.outcomes[outcome] ?? 0, outcome).toBeGreaterThan(0);
    }
  }, 60_000);
});
