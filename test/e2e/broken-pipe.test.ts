import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OKTA_WORKFLOWS_DIR } from '../support/fixtures.js';

/** The command with its standard output closed at once, as `okta-connector … | head -1` closes it early. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/okta-connector.js', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

beforeAll(() => {
  expect(existsSync('dist/cli/main.js'), 'dist/ is missing: run npm run build').toBe(true);
});

describe('a closed pipe (issue 18 #9)', () => {
  it.each([
    [['--help']],
    [['--version']],
    [['lint', OKTA_WORKFLOWS_DIR, '--format', 'json']],
    [['simulate', 'connectors/twilio', '--list']],
    [['validate', 'connectors/twilio/connector.yaml', '--format', 'json']],
  ])(
    'okta-connector %j | head -1 exits quietly',
    async (args) => {
      const { code, stderr } = await withClosedStdout(args);
      expect(stderr).not.toMatch(/EPIPE|Unhandled|    at /);
      expect([0, 1]).toContain(code);
    },
    30_000,
  );
});

describe('control characters in human output (issue 18 #9)', () => {
  it('validate shows an ESC/BEL spec key escaped, never raw', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'oc-ctl-'));
    const spec = readFileSync('connectors/twilio/connector.yaml', 'utf8').replace(
      'brandColor:',
      '"evil\\e]0;pwned\\a": 1\nbrandColor:',
    );
    writeFileSync(join(dir, 'connector.yaml'), spec);
    const stderr = await new Promise<string>((resolve) => {
      const child = spawn(
        process.execPath,
        ['bin/okta-connector.js', 'validate', join(dir, 'connector.yaml')],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, NO_COLOR: '1' },
        },
      );
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout.on('data', (d: Buffer) => (err += d.toString()));
      child.on('close', () => resolve(err));
    });
    expect(stderr).toContain('evil\\x1b]0;pwned\\x07');
    expect(stderr).not.toMatch(/[\x07\x1b]/);
  }, 30_000);
});
