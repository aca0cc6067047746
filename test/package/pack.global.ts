import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../support/fixtures.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The package file `npm pack` wrote for this run, as users and the registry get it. */
    packedTarball: string;
    /** The paths inside it, relative to the package root. */
    packedFiles: string[];
  }
}

/**
 * globalSetup of the `package` test project: runs `npm pack` once per run and gives every tarball test the same file.
 * Runs only when a test of test/package/ is selected. Its `prepare` script builds dist/ first, as publishing does,
 * except under `npm test`, whose build step has just done so.
 */
export default async function packOnce(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'oc-pack-'));
  const built = process.env.npm_lifecycle_event === 'test';
  const args = ['pack', '--json', '--pack-destination', dir, ...(built ? ['--ignore-scripts'] : [])];
  const { stdout } = await promisify(execFile)('npm', args, {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error(`npm pack printed no package: ${stdout}`);
  project.provide('packedTarball', join(dir, packed.filename));
  const files = packed.files.map((f) => f.path);
  project.provide('packedFiles', files);
  return () => rm(dir, { recursive: true, force: true });
}
