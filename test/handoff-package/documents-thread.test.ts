import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnector } from '../../src/handoff-package/build.js';
import type { BuildOptions, BuildResult } from '../../src/handoff-package/types.js';
import type { ConnectorSpec } from '../../src/spec/types.js';
import { packagePath } from '../../src/util/paths.js';

/**
 * The documents made on a worker thread (flows parsed back from the flopack's shared blocks) against the same
 * documents made on the build's thread (from the flows as built): the same package, byte for byte. The worker is the compiled one in
 * dist/ (`npm test` builds before vitest); the comparison builds with dist/ on the worker and with src/ here.
 */
const LETTERS = 'ABCDEFGHIJ';
type Build = (spec: string, options: BuildOptions) => Promise<BuildResult>;
let compiledBuild: Build;
const root = mkdtempSync(join(tmpdir(), 'oc-documents-thread-'));
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

async function bothWays(name: string, specPath: string): Promise<void> {
  const out = join(root, name);
  const worker = await compiledBuild(specPath, { outDir: join(out, 'worker'), documents: 'worker' });
  const here = await buildConnector(specPath, { outDir: join(out, 'here'), documents: 'here' });
  expect(worker.ok && here.ok, JSON.stringify([...worker.diagnostics, ...here.diagnostics])).toBe(true);
  const [a, b] = [snapshot(join(out, 'worker')), snapshot(join(out, 'here'))];
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [path, bytes] of a) expect(bytes === b.get(path), path).toBe(true);
  expect(worker.flows).toEqual(here.flows);
}

describe('the documents made on a worker thread', () => {
  it('gives the Twilio package (with its test folder) byte for byte as on the build thread', async () => {
    const dir = join(root, 'twilio-src');
    cpSync(packagePath('connectors/twilio'), dir, { recursive: true });
    await bothWays('twilio', join(dir, 'connector.yaml'));
  });

  it('gives a 70-action package (every kind of Twilio flow, many times) byte for byte', async () => {
    const twilio = parse(
      readFileSync(packagePath('connectors/twilio/connector.yaml'), 'utf8'),
    ) as ConnectorSpec;
    const actions = Array.from({ length: 70 }, (_, i) => ({
      ...twilio.actions[i % twilio.actions.length]!,
      // Letters only: 'Copy AA' … 'Copy GJ'.
      name: `Copy ${LETTERS[Math.floor(i / 10)]}${LETTERS[i % 10]}`,
    }));
    const path = join(root, 'many.yaml');
    writeFileSync(path, stringify({ ...twilio, name: 'many', actions }));
    const out = join(root, 'many');
    const worker = await compiledBuild(path, { outDir: join(out, 'worker'), documents: 'worker' });
    const here = await buildConnector(path, { outDir: join(out, 'here'), documents: 'here' });
    expect(worker.ok && here.ok, JSON.stringify([...worker.diagnostics, ...here.diagnostics])).toBe(true);
    expect(worker.flows.length).toBeGreaterThan(70);
    expect(snapshot(join(out, 'worker'))).toEqual(snapshot(join(out, 'here')));
  });

  it('refuses to run without the compiled worker when asked for it (from source there is none)', async () => {
    await expect(
      buildConnector(packagePath('connectors/twilio/connector.yaml'), {
        outDir: join(root, 'none'),
        documents: 'worker',
      }),
    ).rejects.toThrow(/documents' worker script is missing/);
  });
});
