import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { noPaint } from '../src/diagnostics/format.js';
import type { Io } from '../src/cli/io.js';
import { run } from '../src/cli/run.js';
import { validateSpecFile } from '../src/spec/validate.js';
import { mutate, mutateFreeText } from './mutate.js';
import { plantedSecret } from './payloads.js';
import { Random } from './random.js';

/** The exit codes the CLI documents (cli/exit-codes.ts); 70 means a crash. */
const DOCUMENTED_EXIT_CODES = new Set([0, 1, 2, 3]);
/** A line of a JavaScript stack trace. */
const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
/** A port nothing listens on: simulated HTTP cards get "connection refused" and never reach the network. */
const CLOSED_ORIGIN = 'http://127.0.0.1:9';

export interface FuzzOptions {
  cases: number;
  seed: number;
  /** The specs and flopacks to mutate (text). */
  specs: readonly string[];
  flopacks: readonly string[];
  /** Per-case wall-clock budget. */
  budgetMs?: number;
  /** Share of cases that also simulate with planted secrets (the slowest step). */
  simulateShare?: number;
}

export interface Finding {
  seed: number;
  kind: string;
  detail: string;
}

export interface FuzzReport {
  cases: number;
  specCases: number;
  flopackCases: number;
  /** Exit 70, or an exception out of run() or validateSpecFile(). */
  crashes: number;
  stackTraces: number;
  undocumentedExitCodes: number;
  overBudget: number;
  validateAcceptsBuildFails: number;
  lintErrorsSimulateRan: number;
  secretLeaks: number;
  /** Outcomes seen, for a sense of coverage: `validate:1`, `lint:0`, `simulate:3` ... */
  outcomes: Record<string, number>;
  findings: Finding[];
  slowestMs: number;
}

function memoryIo(cwd: string, env: NodeJS.ProcessEnv): Io & { text: () => string } {
  let text = '';
  return {
    cwd,
    env,
    stdout: { write: (s: string) => (text += s) },
    stderr: { write: (s: string) => (text += s) },
    readStdin: async () => '',
    interactive: false,
    paint: noPaint,
    text: () => text,
  };
}

/** Runs `npm run fuzz` cases: case i uses seed `seed + i`, so `--seed <that> --cases 1` reproduces it alone. */
export async function fuzz(
  options: FuzzOptions,
  onCase?: (seed: number, ms: number) => void,
): Promise<FuzzReport> {
  const report: FuzzReport = {
    cases: 0,
    specCases: 0,
    flopackCases: 0,
    crashes: 0,
    stackTraces: 0,
    undocumentedExitCodes: 0,
    overBudget: 0,
    validateAcceptsBuildFails: 0,
    lintErrorsSimulateRan: 0,
    secretLeaks: 0,
    outcomes: {},
    findings: [],
    slowestMs: 0,
  };
  for (let i = 0; i < options.cases; i++) {
    const seed = (options.seed + i) >>> 0;
    const started = performance.now();
    const dir = await mkdtemp(join(tmpdir(), 'oc-fuzz-'));
    try {
      await fuzzCase(seed, dir, options, report);
    } catch (error) {
      report.crashes++;
      report.findings.push({
        seed,
        kind: 'crash',
        detail: String((error as Error)?.stack ?? error).slice(0, 500),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const ms = performance.now() - started;
    report.cases++;
    report.slowestMs = Math.max(report.slowestMs, ms);
    if (ms > (options.budgetMs ?? 10_000)) {
      report.overBudget++;
      report.findings.push({ seed, kind: 'over-budget', detail: `${Math.round(ms)} ms` });
    }
    onCase?.(seed, ms);
  }
  return report;
}

async function fuzzCase(seed: number, dir: string, options: FuzzOptions, report: FuzzReport): Promise<void> {
  const random = new Random(seed);
  const secrets = [plantedSecret(seed, 1), plantedSecret(seed, 2), plantedSecret(seed, 3)];
  const env: NodeJS.ProcessEnv = {};
  const check = async (
    step: string,
    argv: string[],
    mutations: string,
  ): Promise<{ code: number; text: string }> => {
    const io = memoryIo(dir, env);
    let code: number;
    try {
      code = await run(argv, io);
    } catch (error) {
      report.crashes++;
      report.findings.push({
        seed,
        kind: 'crash',
        detail: `${step} threw ${String(error)} after ${mutations}`,
      });
      return { code: 70, text: '' };
    }
    const text = io.text();
    report.outcomes[`${step}:${code}`] = (report.outcomes[`${step}:${code}`] ?? 0) + 1;
    if (code === 70) {
      report.crashes++;
      report.findings.push({
        seed,
        kind: 'exit-70',
        detail: `${step} after ${mutations}: ${firstLine(text)}`,
      });
    } else if (!DOCUMENTED_EXIT_CODES.has(code)) {
      report.undocumentedExitCodes++;
      report.findings.push({ seed, kind: 'exit-code', detail: `${step} exited ${code} after ${mutations}` });
    }
    if (STACK_LINE.test(text)) {
      report.stackTraces++;
      report.findings.push({ seed, kind: 'stack-trace', detail: `${step} after ${mutations}` });
    }
    leakCheck(text, `${step} output`);
    return { code, text };
  };
  const leakCheck = (text: string, where: string): void => {
    for (const secret of secrets) {
      if (!text.includes(secret)) continue;
      report.secretLeaks++;
      report.findings.push({ seed, kind: 'secret-leak', detail: `planted secret in ${where}` });
    }
  };
  const leakCheckFiles = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = join(entry.parentPath, entry.name);
      leakCheck(await readFile(full, 'latin1'), full.slice(dir.length + 1));
    }
  };

  if (random.chance(0.6)) {
    report.specCases++;
    const { text, mutations, spec } = mutatedSpec(options.specs, random);
    const file = join(dir, 'connector.yaml');
    await writeFile(file, text);
    try {
      await validateSpecFile(file, 'connector.yaml');
    } catch (error) {
      report.crashes++;
      report.findings.push({
        seed,
        kind: 'crash',
        detail: `validateSpecFile threw ${String(error)} after ${mutations}`,
      });
    }
    const validated = await check('validate', ['validate', 'connector.yaml'], mutations);
    if (validated.code !== 0) return;
    const built = await check('build', ['build', 'connector.yaml', '--out', 'out'], mutations);
    if (built.code !== 0) {
      report.validateAcceptsBuildFails++;
      report.findings.push({
        seed,
        kind: 'validate-ok-build-fails',
        detail: `${mutations}: ${firstLine(built.text)}`,
      });
      return;
    }
    if (!random.chance(options.simulateShare ?? 0.25) || !spec) return;
    // Secrets planted in every connection value that can hold one; the run must never show them.
    env.OKTA_CONNECTOR_CONNECTION = JSON.stringify(plantConnection(spec, secrets));
    const action = Array.isArray(spec.actions)
      ? (spec.actions[0] as { name?: unknown } | undefined)
      : undefined;
    const argv = ['simulate', 'out', '--base-url', CLOSED_ORIGIN, '--trace', '--trace-file', 'trace.json'];
    if (typeof action?.name === 'string') argv.push('--action', action.name);
    for (const [flag, list] of [
      ['--input', 'inputs'],
      ['--option', 'options'],
    ] as const) {
      const fields = (action as Record<string, unknown> | undefined)?.[list];
      if (!Array.isArray(fields)) continue;
      for (const f of fields as Array<{ key?: unknown }>)
        if (typeof f?.key === 'string') argv.push(flag, `${f.key}=v`);
    }
    await check('simulate', argv, mutations);
    await leakCheckFiles(dir);
    return;
  }

  report.flopackCases++;
  const { text, mutations } = mutatedFlopack(options.flopacks, random);
  await writeFile(join(dir, 'case.flopack'), text);
  const linted = await check('lint', ['lint', 'case.flopack'], mutations);
  env.OKTA_CONNECTOR_CONNECTION = JSON.stringify({
    username: 'user',
    password: secrets[0],
    token: secrets[1],
  });
  const flowName = firstFlowName(text);
  const argv = [
    'simulate',
    'case.flopack',
    '--base-url',
    CLOSED_ORIGIN,
    '--trace-file',
    'trace.json',
    '--trace',
  ];
  if (flowName !== undefined) argv.push('--flow', flowName);
  const simulated = await check('simulate', argv, mutations);
  if (linted.code === 1 && /  error  /.test(linted.text)) {
    const refused = simulated.code === 1 && !(await exists(join(dir, 'trace.json')));
    if (!refused) {
      report.lintErrorsSimulateRan++;
      report.findings.push({
        seed,
        kind: 'lint-errors-simulate-ran',
        detail: `${mutations}: exit ${simulated.code}`,
      });
    }
  }
  await leakCheckFiles(dir);
}

function mutatedSpec(
  specs: readonly string[],
  random: Random,
): { text: string; mutations: string; spec?: Record<string, unknown> } {
  const base = random.pick(specs);
  if (random.chance(0.1)) {
    // Raw text damage: truncation, a stray character, or a recursive YAML alias.
    const cut = random.int(base.length);
    const text = random.pick([
      base.slice(0, cut),
      base.slice(0, cut) + random.pick(['\t', ':', '- ', '&a', '*a', '"', '\u0000', '{']) + base.slice(cut),
      `${base}\nx-cycle: &c\n  self: *c\n`,
    ]);
    return { text, mutations: `raw@${cut}` };
  }
  const spec = (JSON.parse(JSON.stringify(parse(base))) ?? {}) as Record<string, unknown>;
  const done: string[] = [];
  if (random.chance(0.4)) done.push(mutateFreeText(spec, random));
  else for (let n = 1 + random.int(3); n > 0; n--) done.push(mutate(spec, random));
  // JSON is YAML too; the `yaml` writer recurses, so deeply nested cases are written as JSON.
  let text =
    random.chance(0.3) || done.some((d) => d.startsWith('deepen'))
      ? JSON.stringify(spec, null, 1) + '\n'
      : stringify(spec, { aliasDuplicateObjects: false, lineWidth: 0 });
  if (text.includes('$cycle')) {
    // A recursive YAML alias: the loaded value really is cyclic.
    text = text.replaceAll('"$cycle": true', '"note": "cycle"').replaceAll('$cycle: true', 'note: cycle');
    text = text.startsWith('{')
      ? text.replace(/^\{/, '{"x-cycle": &c {"self": *c},')
      : `${text}x-cycle: &c\n  self: *c\n`;
  }
  return { text, mutations: done.join('; '), spec };
}

function mutatedFlopack(flopacks: readonly string[], random: Random): { text: string; mutations: string } {
  const base = random.pick(flopacks);
  if (random.chance(0.1)) {
    const cut = random.int(base.length);
    return {
      text: base.slice(0, cut) + random.pick(['', '}', ',', '"', '[']) + base.slice(cut + 1),
      mutations: `raw@${cut}`,
    };
  }
  const flopack = JSON.parse(base) as unknown;
  const done: string[] = [];
  for (let n = 1 + random.int(3); n > 0; n--) done.push(mutate(flopack, random));
  return { text: JSON.stringify(flopack), mutations: done.join('; ') };
}

/** Values for every connection key the spec declares, with planted secrets where secrets go. */
function plantConnection(spec: Record<string, unknown>, secrets: string[]): Record<string, string> {
  const connection: Record<string, string> = {
    username: 'fuzz-user',
    password: secrets[0]!,
    access_token: secrets[1]!,
  };
  const params = Array.isArray(spec.connectionParameters) ? spec.connectionParameters : [];
  for (const p of params as Array<{ key?: unknown; type?: unknown }>) {
    if (typeof p?.key !== 'string') continue;
    connection[p.key] = p.type === 'password' ? secrets[2]! : 'AC0123456789abcdef0123456789abcdef';
  }
  return connection;
}

function firstFlowName(text: string): string | undefined {
  try {
    const flos = (JSON.parse(text) as { data?: { flos?: Record<string, { name?: unknown }> } }).data?.flos;
    const name = flos ? Object.values(flos)[0]?.name : undefined;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  return readFile(file).then(
    () => true,
    () => false,
  );
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').slice(0, 200);
}
