/**
 * Differential request fuzzing at scale (issue 12): `npm run fuzz:requests -- --cases 5000 --seed 1`.
 * Each case is a random valid spec and random values; the request the built flows send through the simulator
 * must equal the request the spec describes (test/generate/request-oracle.ts). Prints the first failing seed
 * with a shrunk repro and exits 1; exits 0 with the count and time otherwise.
 */
import { fuzzCase, repro, runFuzzCase, shrink } from '../test/generate/request-fuzz.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) {
    console.error(`--${name} takes a whole number`);
    process.exit(2);
  }
  return v;
}

const cases = arg('cases', 2000);
const first = arg('seed', 1);
const started = performance.now();
for (let seed = first; seed < first + cases; seed++) {
  const outcome = await runFuzzCase(fuzzCase(seed));
  if (outcome.ok) continue;
  const small = await shrink(fuzzCase(seed));
  const again = await runFuzzCase(small);
  console.error(`FAIL seed ${seed} (replay: npm run fuzz:requests -- --seed ${seed} --cases 1)`);
  console.error(again.problems.join('\n'));
  console.error(`\nminimal repro:\n${repro(small)}`);
  process.exit(1);
}
const ms = performance.now() - started;
console.log(
  `${cases} cases from seed ${first}: all requests as the specs describe (${(ms / 1000).toFixed(1)} s, ${(ms / Math.max(cases, 1)).toFixed(1)} ms/case)`,
);
