import { beforeAll, describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_CREDENTIALS } from '../../src/mock/twilio/defaults.js';

/**
 * The installed command: `node bin/okta-connector.js` over dist/, which `npm test` builds before running vitest.
 * Without a build these fail (`npm ci` and `npm test` both build; otherwise run `npm run build`).
 */
const run = promisify(execFile);

beforeAll(() => {
  expect(existsSync('dist/cli/main.js'), 'dist/ is missing: run npm run build').toBe(true);
});

async function bin(args: string[], input?: string) {
  try {
    const child = run('node', ['bin/okta-connector.js', ...args], {
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 30_000,
    });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    }
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('node bin/okta-connector.js', () => {
  it('demo builds, sends, pings and reads back against the embedded mock', async () => {
    const r = await bin(['demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Built the Twilio connector in memory');
    expect(r.stdout).toMatch(/the mock saw: POST \/2010-04-01\/Accounts\/AC1{32}\/Messages\.json .*→ 201/);
    expect(r.stdout).toContain('"working":true');
    expect(r.stdout).toMatch(
      /the mock saw: GET \/2010-04-01\/Accounts\/AC1{32}\/Messages\/SM[0-9a-f]{32}\.json .*→ 200/,
    );
    expect(r.stdout + r.stderr).not.toContain(DEFAULT_CREDENTIALS.apiKeySecret);
  });

  it('simulate prints outputs on stdout and exits 0; a failed flow exits 3', async () => {
    const base = [
      'simulate',
      'connectors/twilio/connector.yaml',
      '-a',
      'Send Message',
      '-o',
      'from=+15005550006',
    ];
    const ok = await bin([...base, '--input-file', '@-'], '{"to":"+14155550100","body":"from a pipe"}');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'queued', to: '+14155550100' });
    const failed = await bin([...base, '-i', 'body=hi']);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain('Error 400: No To input provided. Enter a valid To.');
  });

  it('test runs the Twilio suite and exits 0', async () => {
    const r = await bin(['test', 'twilio', '--format', 'junit']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/<testsuite name="twilio" tests="\d+" failures="0"/);
  });

  it('--version answers with the package version', async () => {
    const r = await bin(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('validate: 0 for the Twilio spec, 1 with file:line:col for a broken one, 2 for usage', async () => {
    expect((await bin(['validate', 'connectors/twilio/connector.yaml'])).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'oc-bin-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'specVersion: 1\nname: x\nactions: [}\n');
    const r = await bin(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:3:\d+ {2}error {2}OC-SOURCE-SYNTAX {2}invalid YAML/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    const usage = await bin(['validate', '--format', 'xml', 'connectors/twilio/connector.yaml']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("argument 'xml' is invalid");
  });
});
