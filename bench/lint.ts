import { join } from 'node:path';
import { median, round } from './support/stats.js';
import { scratchDir, timeNode } from './support/spawn.js';
import { writeSyntheticSpec } from './support/synthetic-spec.js';

export interface LintResult {
  runs: number;
  flows: number;
  ms: number;
  peakRssMiB: number;
}

/**
 * `okta-connector lint` of a generated folder of 400 flows (Okta's export limit): 397 actions plus httpHelper,
 * _authping and the Custom API Action.
 */
export async function benchLint(runs = 5): Promise<LintResult> {
  const spec = writeSyntheticSpec(397);
  const out = join(scratchDir(), 'lint-400');
  const built = await timeNode(['bin/okta-connector.js', 'build', spec, '--out', out, '--no-zip']);
  if (built.code !== 0) throw new Error('could not build the 400-flow folder');
  const file = join(out, 'synthetic', 'synthetic.flopack');
  const ms: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await timeNode(['bin/okta-connector.js', 'lint', file]);
    if (t.code !== 0) throw new Error(`lint reported errors on ${file}`);
    ms.push(t.ms);
    rss.push(t.peakRssMiB);
  }
  return { runs, flows: 400, ms: round(median(ms)), peakRssMiB: round(median(rss)) };
}
