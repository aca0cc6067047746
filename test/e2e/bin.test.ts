import { describe, it, expect, beforeAll } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { DEFAULT_CREDENTIALS } from '../../src/mock/twilio/defaults.js';

/**
 * The installed command: `node bin/okta-connector.js` after `npm run build`. dist/ may be stale while others work,
 * so it is rebuilt here; when the build fails (someone's file mid-edit) these tests are skipped, not failed.
 */
const run = promisify(execFile);
let built = false;

beforeAll(() => {
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { encoding: 'utf8', timeout: 120_000 });
  built = r.status === 0;
}, 150_000);

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
  it('demo builds, sends, pings and reads back against the embedded mock', async (ctx) => {
    if (!built) ctx.skip();
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

  it('simulate prints outputs on stdout and exits 0; a failed flow exits 3', async (ctx) => {
    if (!built) ctx.skip();
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

  it('test runs the Twilio suite and exits 0', async (ctx) => {
    if (!built) ctx.skip();
    const r = await bin(['test', 'twilio', '--format', 'junit']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/<testsuite name="twilio" tests="\d+" failures="0"/);
  });
});
