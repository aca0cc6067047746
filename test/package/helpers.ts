import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { REPO_ROOT } from '../support/fixtures.js';

/** The version `npm pack` writes into the tarball. */
export const PACKAGE_VERSION = (
  JSON.parse(readFileSync(`${REPO_ROOT}package.json`, 'utf8')) as { version: string }
).version;

/**
 * npm flags for installing the tarball's dependencies: from the npm cache where it has them (`npm ci` filled it),
 * from the registry otherwise (`--offline` cannot work on a fresh machine: `npm ci` caches tarballs, not the
 * package metadata a range needs).
 */
export const INSTALL_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

/**
 * The environment of a user's shell: this process's, without what npm and vitest add for a script or a test run
 * (npm_package_*, npm_lifecycle_*, VITEST*, NODE_ENV=test), and without colours. npm's own settings (registry,
 * cache) are kept.
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_package_|npm_lifecycle_|VITEST|TEST$|NODE_ENV$|INIT_CWD$)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to the end and returns its exit code and output; never throws for a non-zero exit. */
export function exec(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? userEnv(),
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A readable failure message: the command's exit code and both streams. */
export function describeRun(what: string, r: Ran): string {
  return `${what} exited ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}
