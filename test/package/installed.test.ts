import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_CREDENTIALS } from '../../src/mock/twilio/defaults.js';
import { waitFor } from '../helpers/wait-for.js';
import { REPO_ROOT, TWILIO_OPENAPI } from '../support/fixtures.js';
import { describeRun, exec, INSTALL_FLAGS, PACKAGE_VERSION, userEnv, type Ran } from './helpers.js';

/**
 * The package as users get it: the tarball of `npm pack` installed into an empty prefix (`npm install -g --prefix`),
 * every command run from <prefix>/bin in a folder outside the repository. Anything read at run time that `files` in
 * package.json leaves out (templates, schema, bundled connectors, the compiled schema) fails here.
 */
const tarball = inject('packedTarball');
const packedFiles = inject('packedFiles');

let prefix: string;
let work: string;
let bin: string;
/** The installed package's folder: the bundled connector is read from here, never from the repository. */
let installed: string;

beforeAll(async () => {
  prefix = await mkdtemp(join(tmpdir(), 'oc-prefix-'));
  work = await mkdtemp(join(tmpdir(), 'oc-user-'));
  const install = await exec('npm', ['install', '--global', '--prefix', prefix, ...INSTALL_FLAGS, tarball], {
    cwd: work,
  });
  expect(install.code, describeRun('npm install -g', install)).toBe(0);
  bin = join(prefix, 'bin', 'okta-connector');
  installed = join(prefix, 'lib', 'node_modules', 'okta-connector');
});

afterAll(async () => {
  await rm(prefix, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

/** The installed command, from the user's folder. */
async function cli(args: string[], what = args.slice(0, 2).join(' ')): Promise<Ran> {
  const r = await exec(bin, args, { cwd: work });
  expect(r.code, describeRun(`okta-connector ${what}`, r)).toBe(0);
  return r;
}

const spec = () => join(installed, 'connectors/twilio/connector.yaml');

describe('the packed package', () => {
  it('ships what runs and nothing of the repository besides', () => {
    for (const needed of [
      'bin/okta-connector.js',
      'dist/cli/main.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/spec/connector-validator.cjs',
      'schema/connector.schema.json',
      'templates/init/README.md.hbs',
      'templates/init/gitignore',
      'templates/handoff/build-sheet.md.hbs',
      'connectors/twilio/connector.yaml',
      'connectors/twilio/tests/send-message.yaml',
      'openapi-overrides/twilio_api_v2010.yaml',
      'connectors/slack/connector.yaml',
      'connectors/slack/openapi/slack_web_openapi_v2.json',
      'openapi-overrides/slack_web_openapi_v2.yaml',
      'connectors/github/connector.yaml',
      'connectors/github/tests/list-issues.yaml',
      'package.json',
      'README.md',
    ]) {
      expect(packedFiles).toContain(needed);
    }
    const stray = packedFiles.filter(
      (f) => !/^(bin|dist|templates|schema|connectors|openapi-overrides)\/|^[^/]+$/.test(f),
    );
    expect(stray).toEqual([]);
    expect(packedFiles.filter((f) => f.includes('fixtures') || f.endsWith('.test.js'))).toEqual([]);
  });

  it('installs into an empty prefix, outside the repository', () => {
    expect(existsSync(bin)).toBe(true);
    expect(installed.startsWith(REPO_ROOT)).toBe(false);
    expect(work.startsWith(REPO_ROOT)).toBe(false);
    expect(readdirSync(work)).toEqual([]);
  });

  it('--version prints the packed version', async () => {
    expect((await cli(['--version'])).stdout.trim()).toBe(PACKAGE_VERSION);
  });

  it('demo builds the bundled connector and runs it against the embedded mock', async () => {
    const r = await cli(['demo']);
    expect(r.stdout).toContain('Built the Twilio connector in memory');
    expect(r.stdout).toMatch(/the mock saw: POST \/2010-04-01\/Accounts\/AC1{32}\/Messages\.json .*→ 201/);
  });

  it('validate, build, build --check and lint the bundled connector', async () => {
    await cli(['validate', spec()]);
    const out = join(work, 'dist');
    await cli(['build', spec(), '--out', out]);
    const built = readdirSync(join(out, 'twilio')).sort();
    expect(built).toEqual(
      expect.arrayContaining(['BUILD.md', 'build.html', 'docs', 'manifest.json', 'twilio.flopack']),
    );
    expect(built.some((f) => /^twilio-.+\.zip$/.test(f))).toBe(true);
    await cli(['build', spec(), '--out', out, '--check'], 'build --check');
    const lint = await cli(['lint', join(out, 'twilio', 'twilio.flopack')]);
    expect(lint.stdout).toContain('1 file checked, no problems');
  });

  it('simulate runs Send Message card by card against the embedded mock', async () => {
    const r = await cli([
      'simulate',
      spec(),
      '--action',
      'Send Message',
      '--option',
      'from=+15005550006',
      '--input',
      'to=+14155550100',
      '--input',
      'body=from the packed package',
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'queued', to: '+14155550100' });
  });

  it('test runs the bundled scenarios, found by name', async () => {
    const r = await cli(['test', 'twilio']);
    expect(r.stdout).toMatch(/\b\d+ passed, 0 failed/);
  });

  it('test runs the Slack connector against the OpenAPI mock of the description it ships', async () => {
    const r = await cli(['test', 'slack']);
    expect(r.stdout).toMatch(/\b\d+ passed, 0 failed/);
    expect(r.stdout).not.toContain('skipped');
  });

  it('test runs the GitHub connector on its stubs', async () => {
    const r = await cli(['test', 'github']);
    expect(r.stdout).toMatch(/\b8 passed, 0 failed/);
  });

  it('init writes a scaffold from the packaged templates', async () => {
    await cli(['init', 'acme', '--yes', '--name', 'acme', '--base-url', 'https://api.acme.example/v1']);
    expect(readdirSync(join(work, 'acme')).sort()).toEqual(
      ['.github', '.gitignore', 'README.md', 'connector.yaml', 'package.json', 'tests'].sort(),
    );
  });

  it('mock twilio starts, answers one request and stops on SIGINT', async () => {
    const child = spawn(bin, ['mock', 'twilio', '--port', '0'], { cwd: work, env: userEnv() });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1], 30_000);
      const { accountSid, apiKeySid, apiKeySecret } = DEFAULT_CREDENTIALS;
      const res = await fetch(`${url}/2010-04-01/Accounts/${accountSid}/Messages.json`, {
        headers: { authorization: `Basic ${Buffer.from(`${apiKeySid}:${apiKeySecret}`).toString('base64')}` },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ messages: [] });
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it("mock openapi serves Twilio's description with the package's own override file, and stops on SIGINT", async () => {
    const child = spawn(bin, ['mock', 'openapi', TWILIO_OPENAPI, '--port', '0'], {
      cwd: work,
      env: userEnv(),
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1], 30_000);
      expect(stdout).toContain('override ListMessage query DateSent (twilio_api_v2010.yaml)');
      const { accountSid, apiKeySid, apiKeySecret } = DEFAULT_CREDENTIALS;
      const res = await fetch(`${url}/2010-04-01/Accounts/${accountSid}/Messages.json?DateSent=2024-05-01`, {
        headers: { authorization: `Basic ${Buffer.from(`${apiKeySid}:${apiKeySecret}`).toString('base64')}` },
      });
      expect(res.status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
