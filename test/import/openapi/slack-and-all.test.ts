import { describe, expect, it } from 'vitest';
import { runFlow, type HttpTransport } from '../../../src/index.js';
import type { HttpRequest } from '../../../src/simulate/transport.js';
import { expectValidAndBuilds, importFile, SLACK, TWILIO } from './helpers.js';

describe("Slack's description (Swagger 2.0)", () => {
  it('auth.test (as the health check), chat.postMessage and views.open give a spec that validates and builds', async () => {
    const result = await importFile(SLACK, {
      operations: ['auth_test', 'POST /chat.postMessage', 'views_open'],
    });
    const { diagnostics } = expectValidAndBuilds(result);
    expect(diagnostics).toEqual([]);
    const { spec } = result;
    expect(spec.actions.map((a) => a.name)).toEqual(['Auth Test', 'Chat Post Message', 'Views Open']);
    expect(spec.baseUrl).toBe('https://slack.com/api');
    expect(spec.authentication).toEqual({
      type: 'oauth2',
      grantType: 'authorization_code',
      authorizeUrl: 'https://slack.com/oauth/authorize',
      tokenUrl: 'https://slack.com/api/oauth.access',
      scopes: ['chat:write:bot', 'chat:write:user', 'none'],
    });
    // The description wants the token in a `token` header as well: the token travels only as its OAuth scheme
    // says (Authorization: Bearer), never copied there, never an input.
    expect(spec.authping.request).toEqual({ method: 'GET', path: '/auth.test' });
    expect(spec.defaultHeaders).toEqual({ Accept: 'application/json' });
    expect(spec.actions.map((a) => a.request.headers)).toEqual([undefined, undefined, undefined]);
    expect(spec.actions.flatMap((a) => a.inputs ?? []).filter((i) => /token/i.test(i.key))).toEqual([]);
    expect(result.text).toContain(
      '# the description asks for the credential again as header token: it is sent only in the Authorization header (Bearer), as its security scheme says',
    );
    const post = spec.actions[1]!;
    expect(post.request).toMatchObject({
      method: 'POST',
      path: '/chat.postMessage',
      // Slack takes these arguments as a form or as JSON (`consumes` lists both); JSON keeps their types.
      body: { encoding: 'json' },
    });
    expect(post.inputs!.find((i) => i.key === 'channel')).toMatchObject({ required: true, type: 'text' });
    expect(post.inputs!.find((i) => i.key === 'linkNames')).toMatchObject({ type: 'boolean' });
    expect(post.errors).toEqual({ messagePath: 'error' });
    const views = spec.actions[2]!;
    expect(views.request).toEqual({
      method: 'GET',
      path: '/views.open',
      query: { trigger_id: '${inputs.triggerId}', view: '${inputs.view}' },
    });
    expect(result.text).toMatch(/# REVIEW: this API answers some failures with status 200 and "ok": false/);
  });

  it('the built flows send what the description asks for (the token as a Bearer token only, a JSON body)', async () => {
    const result = await importFile(SLACK, { operations: ['auth_test', 'chat_postMessage'] });
    const { flopack } = expectValidAndBuilds(result).generated;
    const seen: HttpRequest[] = [];
    const transport: HttpTransport = async (req) => {
      seen.push(req);
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true,"ts":"1.2"}' };
    };
    const auth = { access_token: 'xoxb-test' };
    const ping = await runFlow(flopack, '_authping', { auth }, { transport });
    expect(ping.ok && ping.outputs).toMatchObject({ working: true });
    const posted = await runFlow(
      flopack,
      'Chat Post Message',
      { auth, channel: 'C123', text: 'hi & bye', mrkdwn: false },
      { transport },
    );
    expect(posted.ok && posted.outputs).toMatchObject({ ok: true, ts: '1.2' });
    expect(seen.map((r) => [r.method, r.url, r.headers['token'], r.headers['Authorization']])).toEqual([
      ['GET', 'https://slack.com/api/auth.test', undefined, 'Bearer xoxb-test'],
      ['POST', 'https://slack.com/api/chat.postMessage', undefined, 'Bearer xoxb-test'],
    ]);
    expect(seen[1]!.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(seen[1]!.body!)).toEqual({ channel: 'C123', text: 'hi & bye', mrkdwn: false });
  });
});

describe('--all', () => {
  for (const [name, file] of [
    ['Twilio 2010', TWILIO],
    ['Slack Web API', SLACK],
  ] as const) {
    it(`imports every operation of ${name} that the spec can express; the result validates and builds`, async () => {
      const result = await importFile(file, { all: true });
      expectValidAndBuilds(result);
      const { summary } = result;
      expect(summary.imported.length + summary.skipped.length).toBe(summary.total);
      for (const s of summary.skipped) expect(s.reason).not.toBe('');
      expect(new Set(result.spec.actions.map((a) => a.name.toLowerCase())).size).toBe(
        result.spec.actions.length,
      );
    });
  }

  it('imports all 197 Twilio operations with the account SID from the connection', async () => {
    const { spec, summary } = await importFile(TWILIO, { all: true });
    expect(summary.imported).toHaveLength(197);
    expect(spec.baseUrl).toBe('https://api.twilio.com');
    // Among selected operations, the first cheap list in the description's order.
    expect(spec.authping.request).toEqual({
      method: 'GET',
      path: '/2010-04-01/Accounts.json',
      query: { PageSize: '1' },
    });
    expect(spec.actions.find((a) => a.name === 'Send Message')!.request.path).toBe(
      '/2010-04-01/Accounts/${connection.accountSid}/Messages.json',
    );
  });
});

describe('determinism', () => {
  it('the same description and flags give the same bytes', async () => {
    const a = await importFile(TWILIO, { all: true });
    const b = await importFile(TWILIO, { all: true });
    expect(b.text).toBe(a.text);
    const c = await importFile(SLACK, { tags: ['chat', 'auth'] });
    const d = await importFile(SLACK, { tags: ['auth', 'chat'] });
    expect(d.text).toBe(c.text);
  });
});
