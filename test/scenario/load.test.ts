import { describe, it, expect } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { scenarioProblems as problems } from './scenario-problems.js';

describe('parseScenario', () => {
  it('reads the documented format', () => {
    const s = parseScenario(
      [
        'name: Send Message succeeds',
        'action: Send Message',
        "options: { from: '+15005550006' }",
        "inputs: { to: '+14155550100', body: Hello }",
        'mock:',
        '  faults: [{ route: messages.create, nth: 1, kind: rate-limit, retryAfterSeconds: 1 }]',
        '  settle: true',
        '  httpTimeoutMs: 200',
        'expect:',
        "  outputs: { status: queued, sid: { match: '^SM[0-9a-f]{32}$' } }",
        "  requests: [{ method: POST, path: '/2010-04-01/Accounts/${connection.accountSid}/Messages.json', form: { To: '+14155550100' } }]",
        '  messages: [{ status: delivered }]',
      ].join('\n'),
      'tests/send.yaml',
    );
    expect(s.name).toBe('Send Message succeeds');
    expect(s.action).toBe('Send Message');
    expect(s.authping).toBe(false);
    expect(s.options).toEqual({ from: '+15005550006' });
    expect(s.inputs).toEqual({ to: '+14155550100', body: 'Hello' });
    expect(s.connection).toBeUndefined();
    expect(s.mock).toEqual({
      faults: [{ route: 'messages.create', nth: 1, kind: 'rate-limit', retryAfterSeconds: 1 }],
      settle: true,
      httpTimeoutMs: 200,
      responses: [],
    });
    expect(s.expect.outputs?.status).toBe('queued');
    expect(s.expect.requests?.[0]?.form).toEqual({ To: '+14155550100' });
  });

  it('accepts authping with a connection', () => {
    const s = parseScenario(
      'name: ping\nauthping: true\nconnection: { username: SKx, password: nope, accountSid: ACx }\n',
      'a.yaml',
    );
    expect(s.authping).toBe(true);
    expect(s.connection).toEqual({ username: 'SKx', password: 'nope', accountSid: 'ACx' });
  });

  it('locates an unknown key with a suggestion', () => {
    const d = problems('name: x\naction: Send Message\ninputz: {}\n');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      code: 'OC-SCENARIO-UNKNOWN-KEY',
      file: 'tests/x.yaml',
      line: 3,
      column: 1,
      hint: 'did you mean "inputs"?',
    });
  });

  it('points at the key, not its block value a line later', () => {
    const d = problems('name: x\naction: Send Message\nmock:\n  setle:\n    - 1\n');
    expect(d[0]).toMatchObject({ line: 4, column: 3, hint: 'did you mean "settle"?' });
  });

  it('reports a bad fault kind, a bad regex and a missing name, each at its line', () => {
    const d = problems(
      [
        'action: Send Message',
        'mock:',
        '  faults:',
        '    - kind: rate-limt',
        'expect:',
        "  outputs: { sid: { match: '[' } }",
      ].join('\n'),
    );
    const byCode = d.map((x) => [x.code, x.line]);
    expect(byCode).toContainEqual(['OC-SCENARIO-REQUIRED', 1]);
    expect(byCode).toContainEqual(['OC-SCENARIO-SHAPE', 4]);
    expect(byCode).toContainEqual(['OC-SCENARIO-REGEX', 6]);
    expect(d.find((x) => x.line === 4)?.hint).toBe('did you mean "rate-limit"?');
  });

  it('requires action or authping, and not outputs with error', () => {
    const d = problems('name: x\nexpect: { outputs: {}, error: { statusCode: 400 } }\n');
    expect(d.map((x) => x.message).join('\n')).toMatch(/needs `action/);
    expect(d.map((x) => x.message).join('\n')).toMatch(/either `outputs`/);
  });

  it('refuses a scenario that is not a mapping', () => {
    const d = problems('- a\n- b\n');
    expect(d[0]?.message).toMatch(/must be a mapping/);
  });
});
