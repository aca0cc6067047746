import { describe, it, expect } from 'vitest';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as cli } from '../helpers/cli.js';

/**
 * The bundled Slack connector (Okta's own Connector Builder example) end to end, offline: its spec names the OpenAPI
 * mock over Slack's Web API description, so `simulate` and `test` run the built flows against a server that checks
 * every request as Slack's front door would (route, bearer token, JSON body against its schema). Stubs stand in for
 * Slack's answers a mock cannot know (200 with "ok": false).
 */
const SPEC = 'connectors/slack/connector.yaml';

describe('the Slack connector against the OpenAPI mock of Slack', () => {
  it('passes every bundled scenario, none skipped', async () => {
    const r = await cli(['test', 'connectors/slack', '--format', 'json']);
    const suite = JSON.parse(r.out) as { passed: number; failed: number; skipped: number };
    expect({ code: r.code, failed: suite.failed, skipped: suite.skipped }).toEqual({
      code: 0,
      failed: 0,
      skipped: 0,
    });
    expect(suite.passed).toBeGreaterThanOrEqual(13);
  });

  it('covers each offline mode: the OpenAPI mock, stubs in front of it, and a recorded cassette', async () => {
    const dir = 'connectors/slack/tests/';
    const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml') && !f.endsWith('.cassette.yaml'));
    const texts = await Promise.all(files.map((f) => readFile(dir + f, 'utf8')));
    expect(texts.filter((t) => /^mock:\n\s+responses:/m.test(t)).length).toBeGreaterThanOrEqual(2);
    expect(texts.filter((t) => /^\s+cassette: /m.test(t)).length).toBeGreaterThanOrEqual(1);
    expect(texts.filter((t) => !/^mock:/m.test(t)).length).toBeGreaterThanOrEqual(5);
    // The cassette holds the exchange, never the token it was recorded with.
    const cassette = await readFile(dir + 'post-message-recorded.cassette.yaml', 'utf8');
    expect(cassette).toContain('authorization: Bearer ***');
    expect(cassette).not.toMatch(/xoxb-/);
  });

  it('simulate runs the health check on the mock of Slack, never on the mock Twilio', async () => {
    const r = await cli(['simulate', SPEC, '--authping', '--trace']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      working: true,
      serviceResponse: { status_code: 200, responseBody: { ok: true } },
    });
    expect(r.err).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/api\/auth\.test/);
    expect(r.err).not.toMatch(/twilio|2010-04-01/i);
    expect(r.err).toContain('Bearer');
    expect(r.err).not.toMatch(/Bearer (?!«redacted»|\*)[A-Za-z0-9-]{8,}/);
  });

  it('a Text input given as JSON on the command line is sent as the text typed', async () => {
    const blocks = '[{"type":"section","text":{"type":"mrkdwn","text":"hi"}}]';
    const r = await cli([
      'simulate',
      SPEC,
      '--action',
      'Post a Message',
      '--option',
      'messageType=postMessage',
      '--input',
      'channel=C0123456789',
      '--input',
      `blocks=${blocks}`,
      '--trace',
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(JSON.stringify(JSON.stringify({ channel: 'C0123456789', blocks })).slice(1, 40));
  });

  it('builds to flows our own lint accepts, with a sheet that names the Bot Token in the Auth section', async () => {
    const out = await mkdtemp(join(tmpdir(), 'oc-slack-'));
    expect((await cli(['build', SPEC, '--out', out, '--no-zip'])).code).toBe(0);
    const lint = await cli(['lint', join(out, 'slack', 'slack.flopack')]);
    expect(lint.code).toBe(0);
    const sheet = await readFile(join(out, 'slack', 'BUILD.md'), 'utf8');
    expect(sheet).toContain('**Connection**, **Bot Token**');
    expect(sheet).toContain('Flow Control - Return Status');
    expect(sheet).not.toMatch(/xoxb-[0-9]/);
  });
});
