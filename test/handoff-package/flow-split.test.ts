import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnector } from '../../src/handoff-package/build.js';
import type { BuildOptions, BuildResult } from '../../src/handoff-package/types.js';
import type { ConnectorSpec } from '../../src/spec/types.js';
import { packagePath } from '../../src/util/paths.js';

/**
 * A build whose flows are shared with a worker thread (the worker takes them from the back, flow-split.ts) against
 * the same build on one thread: the same package, byte for byte. The worker is the compiled one in dist/ (`npm test`
 * builds before vitest); the comparison builds with dist/ on two threads and with src/ on one.
 */
const LETTERS = 'ABCDEFGHIJ';
const run = promisify(execFile);
type Build = (spec: string, options: BuildOptions) => Promise<BuildResult>;
let compiledBuild: Build;
const root = mkdtempSync(join(tmpdir(), 'oc-flow-split-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  const compiled = packagePath('dist/handoff-package/build.js');
  expect(existsSync(compiled), 'dist/ is missing: run npm run build').toBe(true);
  compiledBuild = ((await import(compiled)) as { buildConnector: Build }).buildConnector;
});

/** Every file under dir → its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files
      .map((e) => join(e.parentPath, e.name))
      .map((path) => [relative(dir, path), readFileSync(path).toString('base64')] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** The Twilio spec with its actions repeated under new names (letters only: 'Copy AAA', 'Copy AAB', …). */
function manyActions(name: string, count: number): string {
  const twilio = parse(
    readFileSync(packagePath('connectors/twilio/connector.yaml'), 'utf8'),
  ) as ConnectorSpec;
  const actions = Array.from({ length: count }, (_, i) => ({
    ...twilio.actions[i % twilio.actions.length]!,
    name: `Copy ${LETTERS[Math.floor(i / 100)]}${LETTERS[Math.floor(i / 10) % 10]}${LETTERS[i % 10]}`,
  }));
  const path = join(root, `${name}.yaml`);
  writeFileSync(path, stringify({ ...twilio, name, actions }));
  return path;
}

async function bothWays(name: string, specPath: string): Promise<{ worker: BuildResult }> {
  const out = join(root, name);
  const worker = await compiledBuild(specPath, { outDir: join(out, 'worker'), threads: 'two' });
  const here = await buildConnector(specPath, { outDir: join(out, 'here'), threads: 'one' });
  expect(worker.ok && here.ok, JSON.stringify([...worker.diagnostics, ...here.diagnostics])).toBe(true);
  const [a, b] = [snapshot(join(out, 'worker')), snapshot(join(out, 'here'))];
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [path, bytes] of a) expect(bytes === b.get(path), path).toBe(true);
  expect(worker.flows).toEqual(here.flows);
  return { worker };
}

describe('a build on two threads', () => {
  it("gives the Twilio package (with its test folder, which embeds the worker's flows) byte for byte as on one thread", async () => {
    const dir = join(root, 'twilio-src');
    cpSync(packagePath('connectors/twilio'), dir, { recursive: true });
    await bothWays('twilio', join(dir, 'connector.yaml'));
  });

  it('gives a 70-action package (every kind of Twilio flow, many times) byte for byte', async () => {
    const { worker } = await bothWays('many', manyActions('many', 70));
    expect(worker.flows.length).toBeGreaterThan(70);
  });

  it('is what the installed command does with --threads 2 (the worker has its own entry in the CLI bundle)', async () => {
    expect(existsSync(packagePath('dist/bundle/flow-split-worker.js'))).toBe(true);
    const path = manyActions('large', 190);
    const out = join(root, 'large');
    const cli = ['build', path, '--threads', '2', '--out', join(out, 'cli')];
    await run(process.execPath, [packagePath('bin/okta-connector.js'), ...cli]);
    const one = await buildConnector(path, { outDir: join(out, 'one') });
    expect(one.flows.length).toBeGreaterThanOrEqual(256);
    expect(snapshot(join(out, 'cli'))).toEqual(snapshot(join(out, 'one')));
  });

  it('refuses to run without the compiled worker when asked for it (from source there is none)', async () => {
    await expect(
      buildConnector(packagePath('connectors/twilio/connector.yaml'), {
        outDir: join(root, 'none'),
        threads: 'two',
      }),
    ).rejects.toThrow(/build's worker script is missing/);
  });
});
