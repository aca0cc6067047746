import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/run.js';
import { SCHEMA_PATH, TEST_BASE_URL_VARIABLE, WORKFLOW_PATH } from '../../src/init/render.js';
import { fakeIo } from '../helpers/fake-io.js';
import { describeRun, exec, INSTALL_FLAGS, PACKAGE_VERSION, userEnv } from './helpers.js';

/**
 * A scaffold made by `init`, with the packed tarball installed as the README says to before the version is on the
 * registry, runs its own CI workflow's steps green: validate, build, the scenarios against a test server, and
 * `build --check`. The steps run `npx okta-connector@<version>`: npx must find the installed copy (the registry
 * has no such package, so a download attempt fails the test).
 */
const tarball = inject('packedTarball');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}

let root: string;
let scaffold: string;
/** The scenario's test server: answers every request with 200 {} and records what it saw. */
let server: Server;
let serverUrl: string;
const seen: string[] = [];
/** package.json as `init` wrote it (installing the package file rewrites its devDependency). */
let writtenPackageJson: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'oc-scaffold-'));
  const io = fakeIo({ cwd: root });
  const args = ['init', 'acme', '--yes', '--name', 'acme', '--base-url', 'https://api.acme.example/v1'];
  expect(await run(args, io), io.err()).toBe(0);
  scaffold = join(root, 'acme');
  writtenPackageJson = read('package.json');

  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(root, { recursive: true, force: true });
});

const read = (path: string) => readFileSync(join(scaffold, path), 'utf8');

/** GitHub's `run` shell on Linux is `bash -e {0}`; `${{ vars.X }}` takes our repository variables. */
async function runStep(step: Step, vars: Record<string, string>) {
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*vars\.(\w+)\s*\}\}/g, (_, name: string) => vars[name] ?? '');
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)]));
  const r = await exec('bash', ['-e', '-c', step.run!], { cwd: scaffold, env: userEnv(env) });
  expect(r.code, describeRun(`step "${step.name}": ${step.run}`, r)).toBe(0);
  return r;
}

describe('a scaffold with the packed tarball', () => {
  it('pins the exact version that wrote it, in package.json, the README and the workflow', () => {
    const pkg = JSON.parse(writtenPackageJson) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies['okta-connector']).toBe(PACKAGE_VERSION);
    expect(read('README.md')).toContain(`npx okta-connector@${PACKAGE_VERSION} validate connector.yaml`);
    expect(read(WORKFLOW_PATH)).toContain(`npx okta-connector@${PACKAGE_VERSION} validate connector.yaml`);
  });

  it("installs from the package file (its dependencies from npm's cache); the schema line then points at a file", async () => {
    const install = await exec('npm', ['install', '--save-dev', ...INSTALL_FLAGS, tarball], {
      cwd: scaffold,
      env: userEnv(),
    });
    expect(install.code, describeRun('npm install <tarball>', install)).toBe(0);
    const schemaLine = read('connector.yaml').split('\n')[0];
    expect(schemaLine).toBe(`# yaml-language-server: $schema=${SCHEMA_PATH}`);
    expect(existsSync(join(scaffold, SCHEMA_PATH))).toBe(true);
  });

  it("runs its CI workflow's steps green, then build --check", async () => {
    const workflow = parse(read(WORKFLOW_PATH)) as { jobs: { check: { steps: Step[] } } };
    const steps = workflow.jobs.check.steps.filter((s) => s.run !== undefined);
    // The install step is the one replaced above by the package file (the registry does not have this version).
    expect(steps[0]?.run).toBe('npm install --no-audit --no-fund');
    const vars = { [TEST_BASE_URL_VARIABLE]: serverUrl };
    for (const step of steps.slice(1)) {
      if (step.if !== undefined) {
        expect(step.if).toBe(`\${{ vars.${TEST_BASE_URL_VARIABLE} != '' }}`);
      }
      await runStep(step, vars);
    }
    expect(steps.map((s) => s.name)).toEqual([
      'Install okta-connector',
      'Validate the spec',
      'Build the hand-off package',
      'Run the scenarios',
    ]);
    expect(seen).toEqual(['GET /v1/items/test-id']);
    expect(existsSync(join(scaffold, 'dist/acme/acme.flopack'))).toBe(true);
    await runStep(
      {
        name: 'build --check',
        run: `npx okta-connector@${PACKAGE_VERSION} build connector.yaml --out dist --check`,
      },
      vars,
    );
  });
});
