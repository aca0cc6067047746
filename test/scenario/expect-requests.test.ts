import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { authScheme, parseBody } from '../../src/scenario/body.js';
import { matchRequest, recordedRequest, sentRequest } from '../../src/scenario/expect-requests.js';
import { parseScenario } from '../../src/scenario/load.js';
import { scenarioProblems as problems } from './scenario-problems.js';
import { fakeIo } from '../helpers/fake-io.js';
import { notesConnector, tempRoot } from './notes-connector.js';

const root = tempRoot();
afterAll(() => rmSync(root, { recursive: true, force: true }));

const json = { 'Content-Type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('request bodies and auth as scenarios see them', () => {
  it('parses JSON, forms (repeated fields as lists) and text; nothing for an empty body', () => {
    expect(parseBody(json, '{"a":{"b":[1,2]}}')).toEqual({ a: { b: [1, 2] } });
    expect(parseBody(form, 'To=%2B1415&Tag=a&Tag=b')).toEqual({ To: '+1415', Tag: ['a', 'b'] });
    expect(parseBody({ 'content-type': 'text/plain' }, 'hello there')).toBe('hello there');
    expect(parseBody(json, '')).toBeUndefined();
    expect(parseBody(json, undefined)).toBeUndefined();
  });

  it('keeps the auth scheme and masks the secret', () => {
    expect(authScheme({ Authorization: 'Basic dXNlcjpwYXNz' })).toBe('Basic ***');
    expect(authScheme({ authorization: 'Bearer eyJhbGciOi.x.y' })).toBe('Bearer ***');
    expect(authScheme({ authorization: 'rawtoken' })).toBe('***');
    expect(authScheme({})).toBe('none');
  });

  it('a sent request carries its parsed body (credential fields hidden) and its auth scheme', () => {
    const sent = sentRequest(
      {
        method: 'post',
        url: 'https://api.notes.example/v1/notes?x=1',
        headers: { ...json, Authorization: 'Bearer tok-planted-123456' },
        body: '{"title":"hi","password":"pw-planted-123456","meta":{"n":2}}',
      },
      201,
    );
    expect(sent).toMatchObject({
      method: 'POST',
      path: '/v1/notes',
      body: { title: 'hi', meta: { n: 2 } },
      auth: 'Bearer ***',
    });
    expect(JSON.stringify(sent)).not.toContain('planted');
  });

  it('a request the mock Twilio logged has its form as the body and the scheme of its Basic credential', () => {
    const seen = recordedRequest({
      method: 'POST',
      path: '/2010-04-01/Accounts/AC1/Messages.json',
      query: {},
      form: { To: '+14155550100', Body: 'hi' },
      headers: { authorization: 'Basic <redacted:SK1>' },
      status: 201,
      authUser: 'SK1',
    });
    expect(seen).toMatchObject({ body: { To: '+14155550100' }, auth: 'Basic ***' });
  });

  it('matches bodies as deep subsets with {match:} anywhere, and auth by scheme in any case', () => {
    const seen = {
      method: 'POST',
      headers: {},
      body: { title: 'Groceries', tags: ['a', 'b'], owner: { id: 'u_123', name: 'Ann' } },
      auth: 'Bearer ***',
    };
    const ok = {
      body: { title: { match: '^Gro' }, tags: ['a', { match: 'b' }], owner: { id: { match: '^u_\\d+$' } } },
      auth: 'bearer ***',
    };
    expect(matchRequest(ok, seen, 'requests[0]')).toEqual([]);
    expect(matchRequest({ body: { owner: { id: 'u_9' } } }, seen, 'requests[0]')).toEqual([
      {
        path: 'requests[0].body.owner.id',
        expected: 'u_9',
        actual: 'u_123',
        message: 'expected "u_9", found "u_123"',
      },
    ]);
    expect(matchRequest({ body: { tags: ['a'] } }, seen, 'r')[0]?.message).toBe('expected 1 items, found 2');
    expect(matchRequest({ auth: 'Basic ***' }, seen, 'r')).toEqual([
      {
        path: 'r.auth',
        expected: 'Basic ***',
        actual: 'Bearer ***',
        message: 'expected "Basic ***", found "Bearer ***"',
      },
    ]);
    expect(matchRequest({ body: 'plain text' }, { ...seen, body: 'plain text' }, 'r')).toEqual([]);
  });
});

describe('expect.requests body and auth in scenario files', () => {
  it('accepts body and masked auth', () => {
    const s = parseScenario(
      "name: x\naction: A\nexpect:\n  requests:\n    - body: {title: {match: '^G'}}\n      auth: Bearer ***\n",
      'x.yaml',
    );
    expect(s.expect.requests?.[0]).toEqual({ body: { title: { match: '^G' } }, auth: 'Bearer ***' });
  });

  it('refuses an auth that holds a credential, at its line and column', () => {
    const d = problems(
      'name: x\naction: A\nexpect:\n  requests:\n    - method: GET\n      auth: Basic dXNlcjpwYXNz\n',
    );
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'OC-SCENARIO-SHAPE', file: 'tests/x.yaml', line: 6, column: 13 });
    expect(d[0]?.message).toContain("'Basic ***'");
  });

  it('`test` passes a stubbed scenario on body and auth, and shows where a body differs', async () => {
    const scenario = (body: unknown, auth: string) => ({
      name: `create ${JSON.stringify(body)} ${auth}`,
      action: 'Create Note',
      inputs: { title: 'Groceries', tags: ['food'] },
      connection: { token: 'tok-never-printed-42', team: 't1' },
      mock: { responses: [{ when: { method: 'POST' }, respond: { status: 201, body: { id: 'n1' } } }] },
      expect: { outputs: { id: 'n1' }, requests: [{ method: 'POST', body, auth }] },
    });
    const dir = notesConnector(root, [
      scenario({ title: 'Groceries', tags: [{ match: '^fo' }] }, 'Bearer ***'),
      scenario({ title: 'Chores' }, 'Bearer ***'),
      scenario({ title: 'Groceries' }, 'Basic ***'),
    ]);
    const io = fakeIo({});
    expect(await run(['test', dir], io)).toBe(1);
    const out = io.out();
    expect(out).toContain('1 passed, 2 failed');
    expect(out).toContain(
      'requests[0]: none of the 1 remaining item(s) matched; closest differs at requests[0].body.title',
    );
    expect(out).toContain('requests[0].auth (expected "Basic ***", found "Bearer ***")');
    expect(out + io.err()).not.toContain('tok-never-printed-42');
  });
});
