import { parseArgs } from 'node:util';
import { loadBases } from './bases.js';
import { fuzz, type FuzzReport } from './harness.js';

/**
 * `npm run fuzz -- --cases N --seed S`: mutated specs and flopacks through validate, build, lint and simulate,
 * in-process, checking the invariants of issue 18. Prints the counts and the seed of every failing case
 * (`--seed <that> --cases 1` runs it alone); exits 1 when any invariant broke.
 */
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '500' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    'budget-ms': { type: 'string', default: '10000' },
    'simulate-share': { type: 'string', default: '0.25' },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
process.stderr.write(`fuzzing ${cases} cases from seed ${seed}\n`);
const started = performance.now();
let done = 0;
const report: FuzzReport = await fuzz(
  {
    cases,
    seed,
    ...(await loadBases()),
    budgetMs: Number(values['budget-ms']),
    simulateShare: Number(values['simulate-share']),
  },
  () => {
    if (++done % 50 === 0) process.stderr.write(`  ${done}/${cases}\n`);
  },
);
const { findings, outcomes, ...counts } = report;
process.stdout.write(
  JSON.stringify(
    { seed, seconds: Math.round((performance.now() - started) / 100) / 10, ...counts, outcomes },
    null,
    2,
  ) + '\n',
);
for (const f of findings) process.stdout.write(`FAIL seed ${f.seed} ${f.kind}: ${f.detail}\n`);
if (findings.some((f) => f.kind !== 'over-budget')) process.exitCode = 1;
