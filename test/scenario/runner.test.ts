import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/scenario/runner.js';
import { startEmbeddedMock, type EmbeddedMock } from '../../src/run/embedded-mock.js';
import { loadTarget, type Target } from '../../src/run/target.js';

let target: Target;
let mock: EmbeddedMock;
beforeAll(async () => {
  target = await loadTarget('connectors/twilio/connector.yaml', process.cwd());
  mock = await startEmbeddedMock({ lifecycleStepMs: 2 });
});
afterAll(async () => mock.close());

const run = (yaml: string) =>
  runScenario(parseScenario(yaml, 'tests/t.yaml'), { target, mock, lifecycleStepMs: 2 });

const SEND = `action: Send Message
options: { from: '+15005550006' }
inputs: { to: '+14155550100', body: hi }
`;

describe('runScenario', () => {
  it('passes when outputs, requests and messages match', async () => {
    const r = await run(`name: ok\n${SEND}mock: { settle: true }
expect:
  outputs: { status: queued }
  requests: [{ method: POST, path: '/2010-04-01/Accounts/\${connection.accountSid}/Messages.json', form: { Body: hi } }]
  messages: [{ status: delivered }]
`);
    expect(r).toMatchObject({ name: 'ok', ok: true, mismatches: [] });
  });

  it('reports each wrong expectation with expected and actual', async () => {
    const r = await run(`name: wrong\n${SEND}expect:
  outputs: { status: sent, to: '+1999' }
  requests: [{ method: POST, form: { Body: bye } }]
`);
    expect(r.ok).toBe(false);
    expect(r.mismatches.map((m) => m.path)).toEqual(['outputs.status', 'outputs.to', 'requests[0]']);
    expect(r.mismatches[0]).toMatchObject({ expected: 'sent', actual: 'queued' });
    expect(r.mismatches[2]?.message).toMatch(/closest differs at requests\[0\]\.form\.Body/);
  });

  it('fails a scenario that expects an error when the flow succeeds, and the other way round', async () => {
    const a = await run(`name: a\n${SEND}expect: { error: { statusCode: 400 } }\n`);
    expect(a.mismatches[0]?.message).toBe('expected the flow to fail, but it succeeded');
    const b = await run(
      `name: b\naction: Send Message\noptions: { from: '+15005550006' }\ninputs: { body: x }\nexpect: { outputs: {} }\n`,
    );
    expect(b.mismatches[0]).toMatchObject({ path: 'result', message: 'the flow failed' });
    expect(String(b.mismatches[0]?.actual)).toMatch(/^Error 400: No To input provided/);
  });

  it('treats requests: [] as "no request at all"', async () => {
    const r = await run(`name: none\n${SEND}expect: { requests: [] }\n`);
    expect(r.ok).toBe(false);
    expect(r.mismatches[0]?.message).toBe('expected no requests');
  });

  it('feeds setup outputs into later inputs and arms faults only after setup', async () => {
    const r = await run(`name: setup
setup:
  - { action: Send Message, options: { from: '+15005550006' }, inputs: { to: '+14155550100', body: first } }
action: Get Message
inputs: { sid: '\${setup.0.sid}' }
mock:
  faults: [{ route: '*', nth: 1, kind: server-error }]
expect:
  error: { statusCode: 500 }
  requests: [{ method: POST, status: 201 }, { method: GET, path: { match: '/Messages/SM[0-9a-f]{32}\\.json$' }, status: 500 }]
`);
    expect(r.mismatches).toEqual([]);
  });

  it('reports an unknown action as a problem, not a crash', async () => {
    const r = await run('name: bad\naction: Send Mesage\n');
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/did you mean "Send Message"/);
  });

  it('starts a mock of its own for an inline seed', async () => {
    const r = await run(`name: seeded
action: Send Message
options: { from: '+15005550006' }
inputs: { to: '+14155550100', body: hi }
connection: { username: AC22222222222222222222222222222222, password: tok, accountSid: AC22222222222222222222222222222222 }
mock:
  seed: { accounts: [{ sid: AC22222222222222222222222222222222, authToken: tok, phoneNumbers: ['+15005550006'] }] }
expect:
  outputs: { status: queued }
  requests: [{ path: /2010-04-01/Accounts/AC22222222222222222222222222222222/Messages.json, authUser: AC22222222222222222222222222222222 }]
`);
    expect(r.mismatches).toEqual([]);
    expect(r.problem).toBeUndefined();
  });

  it('reports a bad inline seed as a problem', async () => {
    const r = await run(`name: badseed\n${SEND}mock: { seed: { accounts: 3 } }\n`);
    expect(r.problem).toMatch(/^mock\.seed: /);
  });

  it("retries a 429 in httpHelper's HTTP card (Connector Builder's default, 1 minute on the injected sleep)", async () => {
    const waits: number[] = [];
    const scenario = parseScenario(
      `name: retry\n${SEND}mock: { faults: [{ route: messages.create, nth: 1, kind: rate-limit, retryAfterSeconds: 3 }] }
expect:
  outputs: { status: queued }
  requests: [{ status: 429 }, { status: 201 }]
`,
      't.yaml',
    );
    const r = await runScenario(scenario, { target, mock, sleep: async (ms) => void waits.push(ms) });
    expect(r.mismatches).toEqual([]);
    expect(waits).toEqual([60_000]);
  });

  it('retries a 5xx through the injected sleep only when the scenario sets retry (the calling card)', async () => {
    const waits: number[] = [];
    const scenario = parseScenario(
      `name: retry\n${SEND}retry: { times: 1 }
mock: { faults: [{ route: messages.create, nth: 1, kind: server-error }] }
expect:
  outputs: { status: queued }
  requests: [{ status: 500 }, { status: 201 }]
`,
      't.yaml',
    );
    const r = await runScenario(scenario, { target, mock, sleep: async (ms) => void waits.push(ms) });
    expect(r.mismatches).toEqual([]);
    expect(waits).toEqual([1000]);
    // Without retry the same fault fails the run.
    const once = await runScenario(
      { ...scenario, retry: undefined, expect: {} },
      { target, mock, sleep: async () => {} },
    );
    expect(once.mismatches[0]?.actual).toMatch(/^Error 500/);
  });
});
