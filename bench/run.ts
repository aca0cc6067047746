import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchBuild, type BuildPoint } from './build.js';
import { benchColdStart } from './cold-start.js';
import { benchImport } from './import.js';
import { benchLint } from './lint.js';
import { benchMockOpenApi } from './mock-openapi.js';
import { benchMockTwilio } from './mock-twilio.js';
import { benchSimulate } from './simulate.js';
import { repoRoot } from './support/spawn.js';
import { round, table } from './support/stats.js';
import {
  atLeast,
  atMost,
  BUILD_TARGETS,
  buildVerdict,
  MOCK_TWILIO_TARGET_RPS,
  mockTwilioVerdict,
  RATIO_TARGETS as T,
} from './targets.js';

/** A build's row: its figures (`detail` after the CPU time), and its budget and verdict when it has one. */
function buildRow(name: string, p: BuildPoint, detail = ''): string[] {
  const target = BUILD_TARGETS[p.actions];
  return [
    name,
    `${p.ms} ms (${p.msRange.join('–')}; CPU ${p.cpuMs} ms${detail}), ${p.peakRssMiB} MiB`,
    target?.label ?? '',
    target ? buildVerdict(target, p.ms, p.peakRssMiB, p.floorMs) : '',
  ];
}

/** `npm run bench`: every figure a median over repeated runs, ratios measured side by side in this one run. */
async function main(): Promise<void> {
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 1024 ** 3, 1),
    date: new Date().toISOString().slice(0, 10),
  };
  const only = new Set(process.argv.slice(2).filter((a) => !a.startsWith('--')));
  const want = (name: string) => only.size === 0 || only.has(name);
  const results: Record<string, unknown> = { machine };
  const rows: Array<Array<string | number>> = [['benchmark', 'figure', 'floor / target', 'ratio or verdict']];

  if (want('cold-start')) {
    const r = await benchColdStart();
    results.coldStart = r;
    rows.push([
      'cold start: --version',
      `${r.versionMs} ms (${r.ranges.version.join('–')})`,
      `node -e 0: ${r.nodeMs} ms (${r.ranges.node.join('–')}) (target ${T.versionColdStart}x)`,
      atMost(r.versionRatio, T.versionColdStart),
    ]);
    rows.push([
      'cold start: validate twilio',
      `${r.validateMs} ms (${r.ranges.validate.join('–')})`,
      `node -e 0: ${r.nodeMs} ms (${r.ranges.node.join('–')}) (target ${T.validateColdStart}x)`,
      atMost(r.validateRatio, T.validateColdStart),
    ]);
    rows.push([
      'cold start: build twilio',
      `${r.buildMs} ms (${r.ranges.build.join('–')})`,
      `node -e 0: ${r.nodeMs} ms (${r.ranges.node.join('–')}) (target ${T.buildColdStart}x)`,
      atMost(r.buildRatio, T.buildColdStart),
    ]);
  }
  if (want('build')) {
    const r = await benchBuild();
    results.build = r;
    rows.push(buildRow('build: twilio (6 actions)', r.twilio));
    for (const p of r.synthetic)
      rows.push(
        buildRow(`build: ${p.actions} actions (JSON spec)`, p, `, ${round(p.ms / p.floorMs)}x node -e 0`),
      );
    rows.push(buildRow('build: 1000 actions (YAML spec)', r.yaml1000));
    const fresh1000 = r.synthetic.find((p) => p.actions === 1000);
    rows.push(
      buildRow(
        'build: 1000 actions again into its package',
        r.rebuild1000,
        `; a new folder beside it: ${fresh1000?.ms} ms`,
      ),
    );
    rows.push([
      'build: growth',
      `${r.timeFit.msPerAction} ms/action, ${r.memoryFit.mibPerAction} MiB/action`,
      'linear',
      `R² ${r.timeFit.r2} / ${r.memoryFit.r2}`,
    ]);
  }
  if (want('simulate')) {
    const r = await benchSimulate();
    results.simulate = r;
    rows.push([
      'simulate: Send Message, mock in the same process',
      `${r.simulatedMs} ms (${r.actionsPerSecond}/s)`,
      `raw request: ${r.rawRequestMs} ms (the budget is for the mock in its own process)`,
      `${r.overheadRatio}x`,
    ]);
    rows.push([
      'simulate --trace, mock in the same process',
      `${r.tracedMs} ms`,
      `raw request: ${r.rawRequestMs} ms`,
      `${r.tracedOverheadRatio}x`,
    ]);
    if (r.ownProcess) {
      const o = r.ownProcess;
      rows.push([
        'simulate, mock in its own process',
        `${o.simulatedMs} ms`,
        `raw request: ${o.rawRequestMs} ms (target ${T.simulate}x)`,
        atMost(o.overheadRatio, T.simulate),
      ]);
      rows.push([
        'simulate --trace, mock in its own process',
        `${o.tracedMs} ms`,
        `raw request: ${o.rawRequestMs} ms (target ${T.simulateTraced}x)`,
        atMost(o.tracedOverheadRatio, T.simulateTraced),
      ]);
    }
  }
  if (want('mock')) {
    const r = await benchMockTwilio();
    results.mockTwilio = r;
    const [lo, hi] = r.requestsPerSecondRange;
    rows.push([
      `mock twilio: ${r.concurrency} connections, ${r.requests.toLocaleString('en-US')} creates`,
      `${r.requestsPerSecond} req/s (${lo}–${hi}), p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`,
      `bare node:http: ${r.bareRequestsPerSecond} req/s; target ${MOCK_TWILIO_TARGET_RPS} req/s`,
      `${mockTwilioVerdict(r.requestsPerSecond, r.bareRequestsPerSecond)} (${r.ratioToBare}x bare); lost ${r.lost}, duplicated ${r.duplicated + r.phantoms}`,
    ]);
    rows.push([
      'mock twilio: RSS after N creates (cap 10,000)',
      r.memory.map((m) => `${m.creates / 1000}k: ${m.rssMiB} MiB (peak ${m.peakRssMiB})`).join(', '),
      'bounded',
      `${r.memory.at(-1)?.stored} kept, ${r.memory.at(-1)?.evicted} evicted`,
    ]);
  }
  if (want('mock-openapi')) {
    const r = await benchMockOpenApi({ concurrency: 50, requests: 20_000, prismRequests: 3_000, runs: 3 });
    results.mockOpenApi = r;
    const load = (f: typeof r.ours) => `${f.requestsPerSecond} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms`;
    rows.push([
      'mock openapi (Twilio): 50 clients',
      load(r.ours),
      r.prism
        ? `Prism ${r.prism.version}: ${load(r.prism)} (target ${T.mockOpenApiOverPrism}x)`
        : `Prism skipped: ${r.skipped}`,
      r.ratio !== undefined ? atLeast(r.ratio, T.mockOpenApiOverPrism) : '',
    ]);
    if (r.verdicts) {
      const unexpected = r.verdicts.disagreements.filter((d) => !d.known).length;
      rows.push([
        'mock openapi vs Prism: verdicts',
        `${r.verdicts.agree}/${r.verdicts.total} requests agree (status class)`,
        'same verdicts',
        `${r.verdicts.disagreements.length - unexpected} known Prism deviations, ${unexpected} unexpected`,
      ]);
      for (const d of r.verdicts.disagreements) {
        process.stderr.write(
          `mock openapi vs Prism disagree on ${d.request}: ours ${d.ours}, Prism ${d.prism}` +
            `${d.known ? ` (known: ${d.known})` : ' (UNEXPECTED)'}\n`,
        );
      }
    }
  }
  if (want('import')) {
    const r = await benchImport();
    results.importOpenApi = r;
    for (const p of r) {
      rows.push([
        `import openapi --all: ${p.description} (${p.operations} operations)`,
        `${p.importMs} ms, ${p.importPeakRssMiB} MiB`,
        'target: seconds',
        p.importMs < 5000 ? 'met' : 'missed',
      ]);
      // A description of about a thousand operations is the 1,000-action build a user gets from a large API.
      const target = p.operations >= 900 ? BUILD_TARGETS[1000]! : undefined;
      rows.push([
        `build of the imported ${p.description} spec`,
        `${p.buildMs} ms, ${p.buildPeakRssMiB} MiB`,
        target?.label ?? '',
        target ? buildVerdict(target, p.buildMs, p.buildPeakRssMiB) : '',
      ]);
    }
  }
  if (want('lint')) {
    const r = await benchLint();
    results.lint = r;
    rows.push(['lint: 400 flows', `${r.ms} ms, ${r.peakRssMiB} MiB`, '', '']);
  }

  process.stdout.write(
    `\nokta-connector benchmarks on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}\n\n`,
  );
  process.stdout.write(table(rows) + '\n');
  const file = join(repoRoot, 'bench/results.json');
  const previous = readPrevious(file);
  const regressions = compareRatios(previous, results);
  for (const r of regressions) process.stderr.write(`REGRESSION ${r}\n`);
  // The previous figures stay the reference until a run passes the guard (or --accept says the change is wanted).
  if (regressions.length === 0 || process.argv.includes('--accept')) {
    // A partial run (`npm run bench build`) replaces its own groups and keeps the others.
    writeFileSync(file, JSON.stringify({ ...previous, ...results }, null, 2) + '\n');
    process.stdout.write(`\nwritten ${file}\n`);
  } else {
    process.stdout.write(
      `\n${file} kept: ${regressions.length} figure(s) regressed by more than 25% (see above)\n`,
    );
    process.exitCode = 1;
  }
}

function readPrevious(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * The guard: ratios measured side by side in one run (so machine noise mostly cancels), and the 1,000-action
 * build's peak memory, compared with the last accepted run. Absolute times are not guarded: on shared machines they
 * move by more than 25% on their own.
 */
const GUARDED_RATIOS = [
  ['coldStart', 'versionRatio'],
  ['coldStart', 'validateRatio'],
  ['coldStart', 'buildRatio'],
  ['simulate', 'overheadRatio'],
  ['simulate', 'tracedOverheadRatio'],
  // The 1,000-action build: its time as a ratio of `node -e 0` alternated with it, and its peak RSS (memory moves
  // little with machine load, so it is guarded as it is).
  ['build', 'ratio1000'],
  ['build', 'peakMiB1000'],
] as const;

function compareRatios(previous: Record<string, unknown>, current: Record<string, unknown>): string[] {
  const read = (r: Record<string, unknown>, group: string, key: string): number | undefined => {
    const value = (r[group] as Record<string, unknown> | undefined)?.[key];
    return typeof value === 'number' ? value : undefined;
  };
  return GUARDED_RATIOS.flatMap(([group, key]) => {
    const before = read(previous, group, key);
    const now = read(current, group, key);
    return before !== undefined && now !== undefined && now > before * 1.25
      ? [`${group}.${key}: ${now}, was ${before} (limit ${round(before * 1.25)})`]
      : [];
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
