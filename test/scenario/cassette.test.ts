import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { run } from '../../src/cli/run.js';
import { DiagnosticsError } from '../../src/errors.js';
import { DEFAULT_CREDENTIALS } from '../../src/mock/twilio/defaults.js';
import {
  CassetteRecorder,
  connectionSecrets,
  parseCassette,
  replayCassette,
  type Cassette,
} from '../../src/scenario/cassette.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../src/simulate/transport.js';
import { packagePath } from '../../src/util/paths.js';
import { startOpenApiMock } from '../../src/mock/openapi/index.js';
import { statsSpec } from '../support/stats-spec.js';
import { STATS_OPENAPI } from '../support/fixtures.js';
import { fakeIo } from '../helpers/fake-io.js';
import { notesConnector, tempRoot } from './notes-connector.js';

const root = tempRoot();
afterAll(() => rmSync(root, { recursive: true, force: true }));

const b64 = (s: string) => Buffer.from(s).toString('base64');
const opts = { timeoutMs: 1000 };

describe('cassette writer', () => {
  it('masks every planted secret: password, bearer token, tokens in query and JSON body, the connection’s values', async () => {
    const planted = {
      password: 'PW-planted-secret-1',
      bearer: 'ACCESS-planted-abc123',
      queryToken: 'QTOKEN-planted-7777',
      bodyToken: 'BODYTOKEN-planted-55',
      nestedSecret: 'CS-planted-999999',
      apiKeyHeader: 'KEY-planted-42424242',
      formPassword: 'FORMPW-planted-123',
      cookie: 'COOKIE-planted-0001',
      connectionKey: 'CONNSECRET-planted-xyz',
    };
    const answers: HttpResponse[] = [
      {
        status: 200,
        headers: {
          'Content-Type': 'application/json',
          'Set-Cookie': `sid=${planted.cookie}`,
          'Content-Length': '99',
        },
        body: JSON.stringify({ access_token: planted.bearer, note: 'hello' }),
      },
      {
        status: 200,
        headers: { 'content-type': 'text/plain' },
        body: `your key is ${planted.connectionKey}; token ${planted.bearer}`,
      },
      { status: 201, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' },
    ];
    const recorder = new CassetteRecorder();
    const send = recorder.wrap(async () => answers.shift()!);
    const requests: HttpRequest[] = [
      {
        method: 'POST',
        url: `https://api.example.com/v1/login?access_token=${planted.queryToken}&page=2`,
        headers: {
          Authorization: `Basic ${b64(`user1:${planted.password}`)}`,
          'Content-Type': 'application/json',
          'X-Api-Key': planted.apiKeyHeader,
        },
        body: JSON.stringify({
          name: 'a',
          api_token: planted.bodyToken,
          nested: { client_secret: planted.nestedSecret },
        }),
      },
      {
        method: 'GET',
        url: `https://api.example.com/v1/items/${planted.connectionKey}`,
        headers: { Authorization: `Bearer ${planted.bearer}` },
      },
      {
        method: 'POST',
        url: 'https://api.example.com/v1/forms',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `To=%2B14155550100&password=${planted.formPassword}`,
      },
    ];
    for (const r of requests) await send(r, opts);
    const connection = { username: 'user1', password: planted.password, apiKey: planted.connectionKey };
    const text = recorder.yaml(connectionSecrets(connection, ['password', 'apiKey']));
    const bytes = Buffer.from(text, 'utf8');
    for (const secret of [...Object.values(planted), b64(`user1:${planted.password}`)]) {
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
      expect(bytes.includes(Buffer.from(encodeURIComponent(secret))), secret).toBe(false);
    }
    const cassette = parseCassette(text, 'c.yaml');
    const [login, item, formPost] = cassette.exchanges;
    expect(login?.request).toEqual({
      method: 'POST',
      path: '/v1/login',
      query: { access_token: '***', page: '2' },
      headers: { authorization: 'Basic ***', 'content-type': 'application/json', 'x-api-key': '***' },
      body: { name: 'a', api_token: '***', nested: { client_secret: '***' } },
    });
    // Transfer headers go: the replayed body is re-serialized.
    expect(login?.response).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json', 'set-cookie': '***' },
      body: { access_token: '***', note: 'hello' },
    });
    expect(item?.request.path).toBe('/v1/items/***');
    expect(item?.request.headers?.authorization).toBe('Bearer ***');
    expect(item?.response?.body).toBe('your key is ***; token ***');
    expect(formPost?.request.body).toEqual({ To: '+14155550100', password: '***' });
  });
});

describe('cassette replay', () => {
  const json = { 'content-type': 'application/json' };
  const cassette: Cassette = {
    exchanges: [
      {
        request: {
          method: 'POST',
          path: '/v1/notes',
          query: {},
          headers: { authorization: 'Bearer ***', ...json },
          body: { title: 'Groceries', at: { match: '^\\d{4}-' } },
        },
        response: { status: 201, headers: json, body: { id: 'n1' } },
      },
      {
        request: {
          method: 'GET',
          path: '/v1/notes',
          query: { tag: 'food' },
          headers: { authorization: 'Bearer ***' },
        },
        response: { status: 200, headers: json, body: { count: 3 } },
      },
    ],
  };
  const post = (body: unknown, auth = 'Bearer other-token-123'): HttpRequest => ({
    method: 'POST',
    url: 'https://api.example.com/v1/notes',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const list = (tag = 'food'): HttpRequest => ({
    method: 'GET',
    url: `https://api.example.com/v1/notes?tag=${tag}`,
    headers: { Authorization: 'Bearer other-token-123' },
  });

  it('answers requests that match in order (auth by scheme only, {match:} in the recording)', async () => {
    const r = replayCassette(cassette, []);
    const first = await r.transport(post({ title: 'Groceries', at: '2026-11-29' }), opts);
    expect(first).toMatchObject({ status: 201, body: '{"id":"n1"}' });
    expect((await r.transport(list(), opts)).body).toBe('{"count":3}');
    expect(r.problems).toEqual([]);
    expect(r.unused()).toEqual([]);
  });

  it('fails a wrong body, saying which request, which field, expected and found', async () => {
    const r = replayCassette(cassette, []);
    await expect(r.transport(post({ title: 'Chores', at: '2026-11-29' }), opts)).rejects.toThrow(
      'request 1 (POST /v1/notes) differs from recorded exchange 1 (POST /v1/notes): body.title expected "Groceries", found "Chores"',
    );
    expect(r.problems).toEqual([
      expect.objectContaining({ path: 'cassette[0].body.title', expected: 'Groceries', actual: 'Chores' }),
    ]);
    const extraField = replayCassette(cassette, []);
    await expect(
      extraField.transport(post({ title: 'Groceries', at: '2026-11-29', pinned: true }), opts),
    ).rejects.toThrow('body.pinned not recorded, found true');
    const auth = replayCassette(cassette, []);
    await expect(
      auth.transport(post({ title: 'Groceries', at: '2026-11-29' }, 'Basic dXNlcjpwYXNzd29yZA=='), opts),
    ).rejects.toThrow('auth expected "Bearer ***", found "Basic ***"');
  });

  it('fails requests in another order, and says so', async () => {
    const r = replayCassette(cassette, []);
    await expect(r.transport(list(), opts)).rejects.toThrow(
      /request 1 \(GET \/v1\/notes\) differs from recorded exchange 1 \(POST \/v1\/notes\): method expected "POST", found "GET".*it matches recorded exchange 2: the requests came in another order/,
    );
  });

  it('fails an extra request and reports recorded exchanges never requested', async () => {
    const r = replayCassette(cassette, []);
    await r.transport(post({ title: 'Groceries', at: '2026-11-29' }), opts);
    await r.transport(list(), opts);
    await expect(r.transport(list(), opts)).rejects.toThrow(
      'request 3 (GET /v1/notes) is one too many: cassette holds 2 exchange(s)',
    );
    const short = replayCassette(cassette, []);
    await short.transport(post({ title: 'Groceries', at: '2026-11-29' }), opts);
    expect(short.unused()).toEqual([
      expect.objectContaining({
        path: 'cassette[1]',
        message: 'recorded exchange 2 (GET /v1/notes) was never requested: the run made 1 request(s)',
      }),
    ]);
  });

  it('compares the query exactly', async () => {
    const r = replayCassette(cassette, []);
    await r.transport(post({ title: 'Groceries', at: '2026-11-29' }), opts);
    await expect(r.transport(list('work'), opts)).rejects.toThrow('query.tag expected "food", found "work"');
  });
});

describe('cassette and scenario files', () => {
  it('locates a malformed cassette', () => {
    try {
      parseCassette(
        'version: 1\nexchanges:\n  - request: {method: GET}\n    response: {status: 700}\n',
        'x.cassette.yaml',
      );
      throw new Error('expected diagnostics');
    } catch (error) {
      expect(error).toBeInstanceOf(DiagnosticsError);
      const d = (error as DiagnosticsError).diagnostics;
      expect(d.map((x) => [x.line, x.message])).toEqual([
        [3, '`exchanges.0.request.path` is required'],
        [4, '`exchanges.0.response.status` must be an integer from 100 to 599, found number 700'],
      ]);
    }
  });

  it('refuses mock Twilio settings next to a cassette, at the key', () => {
    try {
      parseScenario('name: x\naction: A\nmock:\n  cassette: a.cassette.yaml\n  faults: []\n', 'tests/x.yaml');
      throw new Error('expected diagnostics');
    } catch (error) {
      const d = (error as DiagnosticsError).diagnostics;
      expect(d).toHaveLength(1);
      expect(d[0]).toMatchObject({ file: 'tests/x.yaml', line: 5, column: 3 });
      expect(d[0]?.message).toContain('`mock.faults` configures the mock Twilio');
    }
  });
});

/** A live "notes" service on a free loopback port: it insists on its token and echoes what it got. */
async function startNotesServer(token: string) {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url}`);
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'invalid token' } }));
        return;
      }
      const url = new URL(req.url ?? '/', 'http://x');
      res.writeHead(req.method === 'POST' ? 201 : 200, {
        'content-type': 'application/json',
        'set-cookie': `session=${token}-session`,
      });
      if (req.method === 'POST') {
        const note = JSON.parse(body) as { title: string };
        res.end(JSON.stringify({ id: `n_${seen.length}`, title: note.title, owner: { token } }));
      } else res.end(JSON.stringify({ count: url.searchParams.get('tag')?.length ?? 0 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('record with simulate --base-url, replay with test (server stopped)', () => {
  const token = 'tok-live-PLANTED-4c1d2e';
  const env = { OKTA_CONNECTOR_CONNECTION: JSON.stringify({ token, team: 't1' }) };

  it('--save-scenario records a cassette next to the scenario; `test` replays it offline and passes', async () => {
    const server = await startNotesServer(token);
    const dir = notesConnector(root);
    const sim = fakeIo({ cwd: dir, env });
    const args = [
      'simulate',
      'connector.yaml',
      '-a',
      'Create Note',
      '-i',
      'title=Groceries',
      // A list of text takes JSON: only single Text fields keep JSON-looking values as typed.
      '-i',
      'tags=["food"]',
    ];
    const code = await run([...args, '--base-url', server.url, '--save-scenario', 'tests/create.yaml'], sim);
    expect(code, sim.err()).toBe(0);
    expect(sim.err()).toContain('recorded 1 exchange(s) in tests/create.cassette.yaml');
    const list = fakeIo({ cwd: dir, env });
    expect(
      await run(
        [
          'simulate',
          'connector.yaml',
          '-a',
          'List Notes',
          '-i',
          'tag=food',
          '--base-url',
          server.url,
          '--record',
          'tests/list.cassette.yaml',
        ],
        list,
      ),
    ).toBe(0);
    await server.close();
    expect(server.seen).toEqual(['POST /v1/teams/t1/notes', 'GET /v1/teams/t1/notes?tag=food']);

    const files = (await readdir(join(dir, 'tests'))).sort();
    expect(files).toEqual(['create.cassette.yaml', 'create.yaml', 'list.cassette.yaml']);
    for (const f of files) {
      const bytes = await readFile(join(dir, 'tests', f));
      expect(bytes.includes(Buffer.from(token)), f).toBe(false);
    }
    const scenario = parse(await readFile(join(dir, 'tests/create.yaml'), 'utf8'));
    expect(scenario).toMatchObject({
      action: 'Create Note',
      connection: { team: 't1' },
      mock: { cassette: 'create.cassette.yaml' },
      expect: { outputs: { id: 'n_1', title: 'Groceries' } },
    });
    expect(scenario.connection).not.toHaveProperty('token');
    // A hand-written scenario may replay a cassette too, and assert the request as sent.
    await writeFile(
      join(dir, 'tests/list.yaml'),
      stringify({
        name: 'list food notes',
        action: 'List Notes',
        inputs: { tag: 'food' },
        connection: { team: 't1' },
        mock: { cassette: 'list.cassette.yaml' },
        expect: {
          outputs: { count: 4 },
          requests: [{ method: 'GET', query: { tag: 'food' }, auth: 'Bearer ***' }],
        },
      }),
    );

    const test = fakeIo({ cwd: dir });
    expect(await run(['test', '.'], test), test.out() + test.err()).toBe(0);
    expect(test.out()).toContain('2 passed, 0 failed');
    // A cassette is the scenario's whole server: with --base-url (nothing listens there) it still replays.
    const remote = fakeIo({ cwd: dir, env });
    expect(await run(['test', '.', '--base-url', 'http://127.0.0.1:9'], remote), remote.out()).toBe(0);
    expect(remote.out()).toContain('2 passed, 0 failed');
  });

  it('a replay that drifts from the recording fails, naming the request and field; so does a missing request', async () => {
    const server = await startNotesServer(token);
    const dir = notesConnector(root);
    const sim = fakeIo({ cwd: dir, env });
    const code = await run(
      [
        'simulate',
        'connector.yaml',
        '-a',
        'Create Note',
        '-i',
        'title=Groceries',
        '--base-url',
        server.url,
        '--save-scenario',
        'tests/create.yaml',
      ],
      sim,
    );
    await server.close();
    expect(code, sim.err()).toBe(0);
    const file = join(dir, 'tests/create.yaml');
    const scenario = parse(await readFile(file, 'utf8'));
    await writeFile(file, stringify({ ...scenario, inputs: { title: 'Chores' } }));
    const drift = fakeIo({ cwd: dir });
    expect(await run(['test', '.'], drift)).toBe(1);
    expect(drift.out()).toContain(
      'request 1 (POST /v1/teams/t1/notes) differs from recorded exchange 1 (POST /v1/teams/t1/notes): body.title expected "Groceries", found "Chores"',
    );

    // A cassette with one exchange more than the run makes: the unused one fails the scenario.
    await writeFile(file, stringify(scenario));
    const cassetteFile = join(dir, 'tests/create.cassette.yaml');
    const cassette = parse(await readFile(cassetteFile, 'utf8'));
    cassette.exchanges.push(cassette.exchanges[0]);
    await writeFile(cassetteFile, stringify(cassette));
    const missing = fakeIo({ cwd: dir });
    expect(await run(['test', '.'], missing)).toBe(1);
    expect(missing.out()).toContain(
      'recorded exchange 2 (POST /v1/teams/t1/notes) was never requested: the run made 1 request(s)',
    );

    await writeFile(cassetteFile, 'version: 1\nexchanges: nope\n');
    const broken = fakeIo({ cwd: dir });
    expect(await run(['test', '.'], broken)).toBe(1);
    expect(broken.out()).toMatch(/mock\.cassette: .*create\.cassette\.yaml:2:\d+ `exchanges` must be a list/);
  });

  it('records against the mock Twilio too: its API key secret is nowhere in the cassette, and the replay passes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oc-cassette-twilio-'));
    await cp(packagePath('connectors/twilio/connector.yaml'), join(dir, 'connector.yaml'));
    await mkdir(join(dir, 'tests'));
    const sim = fakeIo({ cwd: dir });
    const args = ['simulate', 'connector.yaml', '-a', 'Send Message', '-o', 'from=+15005550006'];
    const code = await run(
      [...args, '-i', 'to=+14155550100', '-i', 'body=hi', '--record', 'tests/send.cassette.yaml'],
      sim,
    );
    expect(code, sim.err()).toBe(0);
    const text = await readFile(join(dir, 'tests/send.cassette.yaml'), 'utf8');
    expect(text).not.toContain(DEFAULT_CREDENTIALS.apiKeySecret);
    expect(text).toContain('authorization: Basic ***');
    await writeFile(
      join(dir, 'tests/send.yaml'),
      stringify({
        name: 'send, replayed',
        action: 'Send Message',
        options: { from: '+15005550006' },
        inputs: { to: '+14155550100', body: 'hi' },
        connection: { username: DEFAULT_CREDENTIALS.apiKeySid, accountSid: DEFAULT_CREDENTIALS.accountSid },
        mock: { cassette: 'send.cassette.yaml' },
        expect: {
          outputs: { status: 'queued' },
          requests: [{ method: 'POST', body: { To: '+14155550100', Body: 'hi' }, auth: 'Basic ***' }],
        },
      }),
    );
    const test = fakeIo({ cwd: dir });
    expect(await run(['test', '.'], test), test.out()).toBe(0);
    expect(test.out()).toContain('1 passed, 0 failed');
  });

  it('records against the OpenAPI mock as the live service (a bearer token), and replays with it stopped', async () => {
    const live = await startOpenApiMock({ file: STATS_OPENAPI, host: '127.0.0.1', port: 0 });
    const dir = await mkdtemp(join(root, 'stats-'));
    await mkdir(join(dir, 'tests'));
    await writeFile(join(dir, 'connector.yaml'), stringify(statsSpec()));
    const accessToken = 'oauth-access-PLANTED-0a1b2c3d';
    const sim = fakeIo({
      cwd: dir,
      env: { OKTA_CONNECTOR_CONNECTION: JSON.stringify({ access_token: accessToken }) },
    });
    try {
      const code = await run(
        [
          'simulate',
          'connector.yaml',
          '-a',
          'Get Stats',
          '--base-url',
          live.url,
          '--save-scenario',
          'tests/stats.yaml',
        ],
        sim,
      );
      expect(code, sim.err()).toBe(0);
    } finally {
      await live.close();
    }
    const cassette = await readFile(join(dir, 'tests/stats.cassette.yaml'), 'utf8');
    expect(cassette).not.toContain(accessToken);
    expect(parse(cassette).exchanges[0].request).toMatchObject({
      method: 'GET',
      path: '/stats',
      headers: { authorization: 'Bearer ***' },
    });
    const test = fakeIo({ cwd: dir });
    expect(await run(['test', '.'], test), test.out()).toBe(0);
    expect(test.out()).toContain('1 passed, 0 failed');
  });
});
