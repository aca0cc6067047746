import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { UsageError } from '../../src/errors.js';
import { chooseMock, placeholderConnection } from '../../src/run/offline-mock.js';
import type { Target } from '../../src/run/target.js';
import type { ConnectorSpec } from '../../src/spec/types.js';
import { runCli as cli } from '../helpers/cli.js';
import { STATS_OPENAPI } from '../support/fixtures.js';
import { statsSpec } from '../support/stats-spec.js';

const root = mkdtempSync(join(tmpdir(), 'oc-offline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A connector folder: connector.yaml, the description beside it, and one scenario. */
function connectorFolder(name: string, mock?: ConnectorSpec['mock']): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'tests'), { recursive: true });
  copyFileSync(STATS_OPENAPI, join(dir, 'stats.yaml'));
  writeFileSync(join(dir, 'connector.yaml'), stringify(statsSpec(mock !== undefined ? { mock } : {})));
  writeFileSync(join(dir, 'tests', 'stats.yaml'), stringify({ name: 'gets the stats', action: 'Get Stats' }));
  return dir;
}

/** `simulate <folder>/connector.yaml -a "Get Stats" --openapi <the stats description>`, then `flags`. */
const simulateWithOpenApi = (dir: string, ...flags: string[]) =>
  cli(['simulate', join(dir, 'connector.yaml'), '-a', 'Get Stats', '--openapi', STATS_OPENAPI, ...flags]);

describe('no silent Twilio: simulate', () => {
  it('stops a connector that names no mock, saying what to pass, and sends nothing', async () => {
    const dir = connectorFolder('none');
    const r = await cli(['simulate', join(dir, 'connector.yaml'), '--action', 'Get Stats']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('declares no mock, so there is no server to run against');
    expect(r.err).toContain('--base-url <url>');
    expect(r.err).toContain('--openapi <description>');
    expect(r.err).toContain('mock: {openapi: <description>}');
  });

  it('runs against the mock of the description given with --openapi, with placeholder credentials', async () => {
    const dir = connectorFolder('flag');
    const r = await simulateWithOpenApi(dir, '--trace');
    expect(r.code, r.err).toBe(0);
    const count = (JSON.parse(r.out) as { count: number }).count;
    expect(Number.isInteger(count) && count >= 1 && count <= 9).toBe(true);
    expect(r.err).toMatch(/→ GET http:\/\/127\.0\.0\.1:\d+\/stats/);
    expect(r.err).not.toContain('mock-access-token');
    expect(r.err).not.toMatch(/SK[0-9a-f]{32}|twilio/i);
  });

  it("runs against the spec's own `mock: {openapi}`, relative to the spec, and checks the health of the connection", async () => {
    const dir = connectorFolder('declared', { openapi: 'stats.yaml' });
    const action = await cli(['simulate', dir, '-a', 'Get Stats']);
    expect(action.code, action.err).toBe(0);
    const ping = await cli(['simulate', join(dir, 'connector.yaml'), '--authping']);
    expect(ping.code, ping.err).toBe(0);
    expect(JSON.parse(ping.out)).toMatchObject({ working: true });
  });

  it('refuses --openapi together with --base-url', async () => {
    const dir = connectorFolder('both');
    const r = await simulateWithOpenApi(dir, '--base-url', 'http://127.0.0.1:9');
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot be combined with --base-url');
  });
});

describe('no silent Twilio: test', () => {
  it('reports every scenario of a connector that names no mock as skipped, with the reason', async () => {
    const dir = connectorFolder('test-none');
    const r = await cli(['test', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('gets the stats');
    expect(r.out).toContain('skipped: ');
    expect(r.out).toContain('declares no mock');
    expect(r.out).toContain('0 passed, 0 failed, 1 skipped');
  });

  it("runs the scenarios against the spec's OpenAPI mock, or the one given with --openapi", async () => {
    const declared = await cli(['test', connectorFolder('test-declared', { openapi: 'stats.yaml' })]);
    expect(declared.out).toContain('1 passed, 0 failed');
    expect(declared.code).toBe(0);
    const flag = await cli(['test', connectorFolder('test-flag'), '--openapi', STATS_OPENAPI]);
    expect(flag.out).toContain('1 passed, 0 failed');
  });
});

describe('chooseMock', () => {
  const target = (spec?: Partial<ConnectorSpec>): Target =>
    ({
      kind: 'spec',
      file: 'c.yaml',
      flopack: {},
      flows: [],
      generated: true,
      specDir: '/specs',
      ...(spec ? { spec } : {}),
    }) as unknown as Target;

  it('takes the flag first, then the spec; relative paths from the cwd (flags) or the spec folder (spec)', () => {
    expect(chooseMock(target({ mock: 'twilio' }), {}, '/cwd')).toEqual({ kind: 'twilio' });
    expect(chooseMock(target({ mock: { openapi: 'api.yaml' } }), {}, '/cwd')).toEqual({
      kind: 'openapi',
      description: '/specs/api.yaml',
    });
    expect(chooseMock(target({ mock: 'twilio' }), { openapi: 'x.json' }, '/cwd')).toEqual({
      kind: 'openapi',
      description: '/cwd/x.json',
    });
    expect(chooseMock(target(), { mock: 'twilio', mockSeed: 's.json' }, '/cwd')).toEqual({
      kind: 'twilio',
      seedFile: '/cwd/s.json',
    });
    expect(chooseMock(target({}), {}, '/cwd')).toBeUndefined();
    expect(chooseMock(target(), {}, '/cwd')).toBeUndefined();
  });

  it('refuses an unknown bundled mock and contradictory flags', () => {
    expect(() => chooseMock(target(), { mock: 'stripe' }, '/cwd')).toThrow(UsageError);
    expect(() => chooseMock(target(), { mock: 'twilio', openapi: 'x' }, '/cwd')).toThrow(UsageError);
    expect(() => chooseMock(target({ mock: { openapi: 'a' } }), { mockSeed: 's' }, '/cwd')).toThrow(
      /mock Twilio/,
    );
  });
});

describe('placeholderConnection', () => {
  it('is obviously fake, fits each parameter pattern, takes the first dropdown value, and is the same every time', async () => {
    const spec = {
      authentication: { type: 'basic' },
      connectionParameters: [
        { key: 'accountSid', label: 'Account SID', type: 'text', pattern: '^AC[0-9a-f]{32}$' },
        { key: 'region', label: 'Region', type: 'dropdown', values: [{ label: 'EU', value: 'eu' }] },
        { key: 'workspace', label: 'Workspace', type: 'text' },
      ],
    } as unknown as ConnectorSpec;
    const one = await placeholderConnection(spec);
    expect(one).toMatchObject({
      username: 'mock-user',
      password: 'mock-password',
      region: 'eu',
      workspace: 'mock-workspace',
    });
    expect(one.accountSid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(await placeholderConnection(spec)).toEqual(one);
  });
});
