import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchBuild } from './build.js';
import { benchColdStart } from './cold-start.js';
import { benchImport } from './import.js';
import { benchLint } from './lint.js';
import { benchMockTwilio } from './mock-twilio.js';
import { benchSimulate } from './simulate.js';
import { repoRoot } from './support/spawn.js';
import { round, table } from './support/stats.js';

/** `npm run bench`: every figure a median over repeated runs, ratios measured side by side in this one run. */
async function main(): Promise<void> {
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 1024 ** 3, 1),
    date: new Date().toISOString().slice(0, 10),
  };
  const only = new Set(process.argv.slice(2));
  const want = (name: string) => only.size === 0 || only.has(name);
  const results: Record<string, unknown> = { machine };
  const rows: Array<Array<string | number>> = [['benchmark', 'figure', 'floor / target', 'ratio or verdict']];

  if (want('cold-start')) {
    const r = await benchColdStart();
    results.coldStart = r;
    rows.push([
      'cold start: --version',
      `${r.versionMs} ms`,
      `node -e 0: ${r.nodeMs} ms (target 1.5x)`,
      `${r.versionRatio}x`,
    ]);
    rows.push([
      'cold start: validate twilio',
      `${r.validateMs} ms`,
      `node -e 0: ${r.nodeMs} ms (target 2.5x)`,
      `${r.validateRatio}x`,
    ]);
  }
  if (want('build')) {
    const r = await benchBuild();
    results.build = r;
    rows.push(['build: twilio (6 actions)', `${r.twilio.ms} ms, ${r.twilio.peakRssMiB} MiB`, '', '']);
    for (const p of r.synthetic) {
      rows.push([
        `build: ${p.actions} actions (JSON spec)`,
        `${p.ms} ms, ${p.peakRssMiB} MiB`,
        p.actions === 1000 ? 'target < 2000 ms, < 300 MB' : '',
        p.actions === 1000 ? (p.ms < 2000 && p.peakRssMiB < 286 ? 'met' : 'missed') : '',
      ]);
    }
    rows.push([
      'build: 1000 actions (YAML spec)',
      `${r.yaml1000.ms} ms, ${r.yaml1000.peakRssMiB} MiB`,
      'target < 2000 ms, < 300 MB',
      r.yaml1000.ms < 2000 && r.yaml1000.peakRssMiB < 286 ? 'met' : 'missed',
    ]);
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
      'simulate: Send Message',
      `${r.simulatedMs} ms (${r.actionsPerSecond}/s)`,
      `raw request: ${r.rawRequestMs} ms (target 2x)`,
      `${r.overheadRatio}x`,
    ]);
    rows.push([
      'simulate: with --trace',
      `${r.tracedMs} ms`,
      `raw request: ${r.rawRequestMs} ms`,
      `${r.tracedOverheadRatio}x`,
    ]);
  }
  if (want('mock')) {
    const r = await benchMockTwilio({ concurrency: 50, requests: 20_000 });
    results.mockTwilio = r;
    rows.push([
      'mock twilio: 50 clients',
      `${round(r.requestsPerSecond, 0)} req/s, p50 ${round(r.p50Ms)} ms, p99 ${round(r.p99Ms)} ms`,
      'target 5000 req/s',
      `lost ${r.lost}, duplicated ${r.duplicated}`,
    ]);
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
      rows.push([
        `build of the imported ${p.description} spec`,
        `${p.buildMs} ms, ${p.buildPeakRssMiB} MiB`,
        '',
        '',
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
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(`\nwritten ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
