import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { run } from '../../src/cli/run.js';
import { stubMismatches, stubTransport, type ScenarioStub } from '../../src/scenario/stubs.js';
import { statsSpec } from '../support/stats-spec.js';
import { fakeIo } from '../helpers/fake-io.js';

const root = mkdtempSync(join(tmpdir(), 'oc-stubs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const stub = (when: ScenarioStub['when'], body: unknown = { count: 7 }, times?: number): ScenarioStub => ({
  when,
  respond: { status: 200, headers: {}, body },
  ...(times !== undefined ? { times } : {}),
});
const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });

describe('stub matching', () => {
  it('matches method, path (whole or after the base path), query, headers (any case) and body subsets', () => {
    const s = stub({
      method: 'GET',
      path: '/stats',
      query: { day: { match: '^2026' } },
      headers: { 'X-Team': 'a' },
    });
    const req = get('https://api.example.com/v1/stats?day=2026-11-28&x=1', { 'x-team': 'a' });
    expect(stubMismatches(s, req, '/v1')).toEqual([]);
    expect(stubMismatches(s, { ...req, method: 'POST' }, '/v1')).toEqual(['method POST, not GET']);
    expect(
      stubMismatches(s, get('https://api.example.com/v1/other?day=2026', { 'x-team': 'a' }), '/v1'),
    ).toEqual(['path /v1/other, not /stats']);
    const post = {
      method: 'POST',
      url: 'https://api.example.com/v1/notes',
      headers: { 'Content-Type': 'application/json' },
      body: '{"title":"hi","tags":["a"]}',
    };
    expect(stubMismatches(stub({ body: { title: 'hi' } }), post, '/v1')).toEqual([]);
    expect(stubMismatches(stub({ body: { title: 'bye' } }), post, '/v1')).toHaveLength(1);
  });

  it('answers `times` times, then passes on; with nothing behind, fails naming the nearest stub and why', async () => {
    const behind = async () => ({ status: 503, headers: {}, body: 'behind' });
    const t = stubTransport([stub({ path: '/stats' }, { count: 1 }, 1)], '', behind);
    const first = await t(get('https://api.example.com/stats'), { timeoutMs: 1000 });
    expect(first).toMatchObject({
      status: 200,
      body: '{"count":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect((await t(get('https://api.example.com/stats'), { timeoutMs: 1000 })).body).toBe('behind');
    const alone = stubTransport(
      [stub({ method: 'GET', path: '/stats' }), stub({ path: '/me' })],
      '',
      undefined,
    );
    await expect(
      alone({ method: 'POST', url: 'https://x.test/stats', headers: {} }, { timeoutMs: 1000 }),
    ).rejects.toThrow(
      'no stub answers POST /stats and there is no mock; the nearest, mock.responses[0], does not match: method POST, not GET',
    );
  });
});

describe('okta-connector test with mock.responses', () => {
  /** A connector with no mock at all: only stubbed scenarios can run. */
  function connector(scenarios: Record<string, unknown>[]): string {
    const dir = join(root, `c${Math.random().toString(36).slice(2)}`);
    mkdirSync(join(dir, 'tests'), { recursive: true });
    writeFileSync(
      join(dir, 'connector.yaml'),
      stringify(
        statsSpec({
          baseUrl: 'https://api.example.com/v1',
          authentication: {
            type: 'custom',
            placement: 'header',
            name: 'X-Api-Key',
            value: '${connection.apiKey}',
          },
          connectionParameters: [{ key: 'apiKey', label: 'API Key', type: 'password', required: true }],
          actions: [
            {
              name: 'Get Stats',
              description: 'Gets the statistics of a day.',
              inputs: [{ key: 'day', label: 'Day', type: 'text', required: true }],
              request: { method: 'GET', path: '/stats', query: { day: '${inputs.day}' } },
              outputs: [{ key: 'count', label: 'Count', type: 'number', from: 'body', path: 'count' }],
              errors: { messagePath: 'error.detail' },
            },
          ],
        }),
      ),
    );
    scenarios.forEach((s, i) => writeFileSync(join(dir, 'tests', `s${i}.yaml`), stringify(s)));
    return dir;
  }

  async function test(dir: string) {
    const io = fakeIo({});
    const code = await run(['test', dir], io);
    return { code, out: io.out(), err: io.err() };
  }

  it('runs stubbed scenarios without any mock, checks outputs, errors and the requests sent', async () => {
    const dir = connector([
      {
        name: 'stubbed stats',
        action: 'Get Stats',
        inputs: { day: '2026-11-28' },
        mock: {
          responses: [
            {
              when: { method: 'GET', path: '/stats', query: { day: '2026-11-28' } },
              respond: { body: { count: 42 } },
            },
          ],
        },
        expect: { outputs: { count: 42 }, requests: [{ method: 'GET', path: '/v1/stats' }] },
      },
      {
        name: 'a stubbed error keeps the service message',
        action: 'Get Stats',
        inputs: { day: 'x' },
        mock: {
          responses: [
            {
              when: { path: '/stats' },
              respond: { status: 404, body: { error: { detail: 'No such day' } } },
            },
          ],
        },
        expect: { error: { statusCode: 404, message: { match: 'No such day' } } },
      },
      { name: 'unstubbed', action: 'Get Stats', inputs: { day: 'x' } },
    ]);
    const r = await test(dir);
    expect(r.out).toContain('2 passed, 0 failed, 1 skipped');
    expect(r.out).toContain('declares no mock');
    expect(r.code).toBe(0);
  });

  it('fails a scenario whose request no stub answers, naming the nearest stub and why', async () => {
    const dir = connector([
      {
        name: 'wrong day',
        action: 'Get Stats',
        inputs: { day: '2026-11-27' },
        mock: {
          responses: [
            { when: { path: '/stats', query: { day: '2026-11-28' } }, respond: { body: { count: 1 } } },
          ],
        },
        expect: { outputs: { count: 1 } },
      },
    ]);
    const r = await test(dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('0 passed, 1 failed');
    expect(r.out).toContain('no stub answers GET /v1/stats');
    expect(r.out).toContain('mock.responses[0]');
  });

  it('refuses a malformed stub with its file, line and column', async () => {
    const dir = connector([
      {
        name: 'bad',
        action: 'Get Stats',
        inputs: { day: 'x' },
        mock: { responses: [{ when: { path: 'stats' }, respond: { status: 99 } }] },
      },
    ]);
    const r = await test(dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/s0\.yaml:\d+:\d+.*`when\.path` must be a path starting with \//);
    expect(r.err).toMatch(/s0\.yaml:\d+:\d+.*status/);
  });
});
