import { describe, it, expect } from 'vitest';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../helpers/cli.js';
import { parseScenario } from '../../../../src/scenario/load.js';

const cli = (argv: string[], cwd = process.cwd()) => runCli(argv, { cwd });

/** A connector folder holding the Twilio spec and the given scenario files. */
async function connector(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'oc-test-'));
  await copyFile('connectors/twilio/connector.yaml', join(dir, 'connector.yaml'));
  await mkdir(join(dir, 'tests'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, 'tests', name), text);
  return dir;
}

const PASSING = `name: sends
action: Send Message
options: { from: '+15005550006' }
inputs: { to: '+14155550100', body: hi }
expect: { outputs: { status: queued } }
`;
const FAILING = `name: expects the wrong status
action: Send Message
options: { from: '+15005550006' }
inputs: { to: '+14155550100', body: hi }
expect: { outputs: { status: delivered } }
`;

describe('okta-connector test', () => {
  it('the bundled Twilio suite passes and covers every action, the authping and the failure modes', async () => {
    const r = await cli(['test', 'connectors/twilio', '--format', 'json']);
    const doc = JSON.parse(r.out) as {
      failed: number;
      scenarios: Array<{ file: string; ok: boolean; mismatches: unknown[] }>;
    };
    expect(doc.scenarios.filter((s) => !s.ok)).toEqual([]);
    expect(r.code).toBe(0);
    const files = doc.scenarios.map((s) => s.file.replace(/^.*\//, ''));
    for (const name of [
      'send-message',
      'send-whatsapp',
      'send-whatsapp-not-in-sandbox',
      'send-whatsapp-outside-24h',
      'send-via-messaging-service',
      'get-message',
      'list-messages',
      'delete-message',
      'custom-api-action',
      'authping-ok',
      'authping-bad-credentials',
      'missing-required-input',
      'invalid-to-number',
      'rate-limited',
      'rate-limited-retry',
      'server-error',
      'timeout',
    ]) {
      expect(files).toContain(`${name}.yaml`);
    }
  });

  it('runs the bundled Twilio scenarios by name, filtered', async () => {
    const r = await cli(['test', 'twilio', '--filter', 'whatsapp']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.slice(0, 3).every((l) => /^✓ .*WhatsApp.* \(\d+ ms\)$/.test(l))).toBe(true);
    expect(lines[3]).toBe('3 passed, 0 failed');
  });

  it('exits 1 and shows expected vs actual when a scenario fails', async () => {
    const dir = await connector({ 'a.yaml': PASSING, 'b.yaml': FAILING });
    const r = await cli(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^✓ sends/m);
    expect(r.out).toMatch(/^✗ expects the wrong status/m);
    expect(r.out).toContain('outputs.status: expected "delivered", found "queued"');
    expect(r.out).toContain('1 passed, 1 failed');
  });

  it('writes JSON and JUnit reports', async () => {
    const dir = await connector({ 'a.yaml': PASSING, 'b.yaml': FAILING });
    const json = await cli(['test', dir, '--format', 'json']);
    const doc = JSON.parse(json.out) as {
      passed: number;
      failed: number;
      scenarios: Array<{ name: string; ok: boolean }>;
    };
    expect(doc).toMatchObject({ passed: 1, failed: 1 });
    expect(doc.scenarios.map((s) => [s.name, s.ok])).toEqual([
      ['sends', true],
      ['expects the wrong status', false],
    ]);
    const junit = await cli(['test', dir, '--format', 'junit']);
    expect(junit.code).toBe(1);
    expect(junit.out).toContain('<testsuite name="twilio" tests="2" failures="1"');
    expect(junit.out).toContain(
      '<failure message="expected &quot;delivered&quot;, found &quot;queued&quot;"',
    );
  });

  it('reports invalid scenario files with file:line:col and runs nothing (exit 1)', async () => {
    const dir = await connector({
      'a.yaml': PASSING,
      'bad.yaml': 'name: x\naction: Send Message\nexpect:\n  outputz: {}\n',
    });
    const r = await cli(['test', dir], dir);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('tests/bad.yaml:4:3');
    expect(r.err).toContain('unknown key "outputz"');
    expect(r.err).toContain('did you mean "outputs"?');
  });

  it('exits 2 when the filter matches nothing or the connector is not found', async () => {
    expect((await cli(['test', 'twilio', '--filter', 'no such scenario'])).code).toBe(2);
    const missing = await cli(['test', 'no-such-connector']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no connector.yaml found for "no-such-connector"');
  });

  it('init scaffolds a scenario that the loader accepts, and refuses to overwrite it', async () => {
    const dir = await connector({});
    const r = await cli(['test', 'init', '.', '--action', 'Get Message'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('created tests/get-message.yaml');
    const text = await readFile(join(dir, 'tests', 'get-message.yaml'), 'utf8');
    expect(parseScenario(text, 'get-message.yaml')).toMatchObject({
      action: 'Get Message',
      inputs: { sid: 'TODO' },
    });
    const again = await cli(['test', 'init', '.', '--action', 'Get Message'], dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');
    const unknown = await cli(['test', 'init', '.', '--action', 'Get Mesage'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('did you mean "Get Message"?');
  });

  it('says how to start when a connector has no scenarios', async () => {
    const dir = await connector({});
    const r = await cli(['test'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('okta-connector test init');
  });
});
