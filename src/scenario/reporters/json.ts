import type { SuiteResult } from '../types.js';

/** Machine-readable results for CI: the whole suite as one JSON document. */
export function formatJsonReport(suite: SuiteResult): string {
  return (
    JSON.stringify(
      {
        connector: suite.connector,
        passed: suite.passed,
        failed: suite.failed,
        skipped: suite.skipped,
        ms: suite.ms,
        scenarios: suite.results.map((r) => ({
          name: r.name,
          file: r.file,
          ok: r.ok,
          ms: r.ms,
          ...(r.problem ? { problem: r.problem } : {}),
          ...(r.skipped !== undefined ? { skipped: r.skipped } : {}),
          mismatches: r.mismatches,
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
