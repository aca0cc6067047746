import { generateConnector } from '../src/generate/index.js';
import { readFlopack } from '../src/flopack/read/index.js';
import { envelopeOf, LINT_RULES, lintFlopack, lintFlowByFlow } from '../src/lint/index.js';
import { startLintRun } from '../src/lint/runner.js';
import { median, round } from './support/stats.js';
import { syntheticSpec } from './support/synthetic-spec.js';

/**
 * Lint of a generated 1,000-action connector (issue 17), in process: the whole file (lintFlopack) against the same
 * flows fed one by one (lintFlowByFlow), side by side, and, when run with `node --expose-gc`, the heap each keeps.
 *   node --expose-gc node_modules/vite-node/vite-node.mjs bench/lint-flow-by-flow.ts [actions] [rounds]
 */
const actions = Number(process.argv[2] ?? 997);
const rounds = Number(process.argv[3] ?? 15);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const flopack = generateConnector(syntheticSpec(actions)).flopack as any;
const flos = Object.entries(flopack.data.flos);
const cards = flos.reduce((n, [, f]) => n + (f as { data: { methods: unknown[] } }).data.methods.length, 0);

const cases: Record<string, () => number> = {
  whole: () => lintFlopack(flopack, { connector: true, file: 'x' }).length,
  'flow by flow': () => {
    const lint = lintFlowByFlow({ connector: true, file: 'x' });
    let found = 0;
    for (const [id, flo] of flos) found += lint.flow(id, flo).length;
    return found + lint.finish(envelopeOf(flopack)).length;
  },
};
const ms: Record<string, number[]> = { whole: [], 'flow by flow': [] };
for (let r = 0; r < rounds; r++) {
  for (const [name, lint] of Object.entries(cases)) {
    const t = performance.now();
    lint();
    ms[name]!.push(performance.now() - t);
  }
}
console.log(`${flos.length} flows, ${cards} cards; median of ${rounds} rounds, interleaved:`);
for (const [name, times] of Object.entries(ms)) console.log(`  ${name}: ${round(median(times))} ms`);

const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  const heapMiB = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  // A fresh copy: the runs above left their read model cached (weakly) on the flopack's own objects.
  const copy = structuredClone(flopack);
  const before = heapMiB();
  let reading: unknown = readFlopack(copy);
  console.log(`  whole: the read model of every flow, held at once: ${round(heapMiB() - before, 1)} MiB`);
  reading = undefined;
  void reading;
  const start = heapMiB();
  const run = startLintRun(LINT_RULES, true);
  // A copy per flow, dropped after the call: as a build that generates, checks and drops each flow.
  for (const [id, flo] of flos) run.flow(id, structuredClone(flo));
  console.log(`  flow by flow: kept between flows after the last one: ${round(heapMiB() - start, 2)} MiB`);
}
