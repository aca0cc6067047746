import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { fakeIo } from '../helpers/fake-io.js';

/**
 * A connector whose first authentication method trades the connection's client id and secret for a session token
 * in a config value's helper flow, and whose second is Basic: built, simulated and tested offline with the CLI
 * against the OpenAPI mock of its description (test/fixtures/connectors/session-token).
 */
const DIR = 'test/fixtures/connectors/session-token';
const SPEC = `${DIR}/connector.yaml`;
const PLANTED = 'planted-client-secret-4711';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const io = fakeIo({ env });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('a session-token connector with two authentication methods, offline', () => {
  it('passes its scenarios: the token flow first, Basic when picked, a refused token stops the run', async () => {
    const r = await cli(['test', DIR, '--format', 'json']);
    const suite = JSON.parse(r.out) as { passed: number; failed: number; skipped: number };
    expect({ code: r.code, passed: suite.passed, failed: suite.failed, skipped: suite.skipped }).toEqual({
      code: 0,
      passed: 5,
      failed: 0,
      skipped: 0,
    });
  });

  it('simulate runs the config value flow, then the action with its token; the trace shows neither secret', async () => {
    const connection = JSON.stringify({ clientId: 'app-9', clientSecret: PLANTED });
    const r = await cli(['simulate', SPEC, '--action', 'Get Thing', '--input', 'id=th_1', '--trace'], {
      OKTA_CONNECTOR_CONNECTION: connection,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ name: 'First thing' });
    expect(r.err.indexOf('▶ Session Config Value')).toBeGreaterThanOrEqual(0);
    expect(r.err.indexOf('▶ Session Config Value')).toBeLessThan(r.err.indexOf('▶ Get Thing'));
    expect(r.err).toMatch(/→ POST http:\/\/127\.0\.0\.1:\d+\/v1\/auth\/session/);
    expect(r.err).toContain('X-Session: «redacted»');
    expect(r.err).toContain('relative_url="/things/th_1"');
    expect(r.err).not.toContain(PLANTED);
    expect(r.err).not.toContain('sess-mock-0001');
  });

  it('build writes the config value flow into the flopack and the build sheet', async () => {
    const out = await mkdtemp(join(tmpdir(), 'oc-session-'));
    const r = await cli(['build', SPEC, '--out', out]);
    expect(r.code).toBe(0);
    const sheet = await readFile(join(out, 'session_token', 'BUILD.md'), 'utf8');
    expect(sheet).toContain(
      '| Session | `session` | Value from Helper Flow | choose the flow `Session Config Value` | Password | No |',
    );
    expect(sheet).toContain('Its Auth Selection Key must be `password`');
    expect(sheet).not.toContain(PLANTED);
  });
});
