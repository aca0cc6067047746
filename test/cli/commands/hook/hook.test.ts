import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopHookServers } from '../../../../src/cli/commands/hook/index.js';
import { run } from '../../../../src/cli/run.js';
import { lintFlopack } from '../../../../src/lint/index.js';
import { SEED_USER_IDS } from '../../../../src/mock/okta/index.js';
import { runCli } from '../../../helpers/cli.js';
import { fakeIo } from '../../../helpers/fake-io.js';

const spec = new URL('../../../../connectors/twilio/connector.yaml', import.meta.url).pathname;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hook-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: dir, env });

describe('okta-connector hook telephony', () => {
  it('writes a lint-clean .folder and says how to use it', async () => {
    const r = await cli(['hook', 'telephony', spec, '--out', 'dist']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Wrote dist/twilio-telephony-hook.folder');
    const text = await readFile(join(dir, 'dist/twilio-telephony-hook.folder'), 'utf8');
    expect(lintFlopack(JSON.parse(text))).toEqual([]);
  });

  it('rejects bad flags with exit 2 and a missing spec with exit 1', async () => {
    expect((await cli(['hook', 'telephony', spec, '--sms-from', '15005550006'])).code).toBe(2);
    expect((await cli(['hook', 'telephony', spec, '--opt-in-attribute', 'what ever'])).code).toBe(2);
    expect((await cli(['hook', 'telephony', spec, '--account-sid', 'AC123'])).code).toBe(2);
    const missing = await cli(['hook', 'telephony', 'nope.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('nope.yaml');
  });
});

describe('okta-connector hook serve + hook send', () => {
  it('serves the folder; send telephony exits 0 when accepted and 1 on fallback; send event checks the hook', async () => {
    await cli(['hook', 'telephony', spec, '--out', 'dist']);
    const io = fakeIo({ cwd: dir, env: {} });
    const serving = run(['hook', 'serve', 'dist', '--port', '0'], io);
    let url: string | undefined;
    for (let i = 0; i < 200 && !url; i++) {
      await new Promise((r) => setTimeout(r, 25));
      url = /http:\/\/127\.0\.0\.1:\d+\/api\/flo\/[0-9a-f]{32}\/invoke/.exec(io.out())?.[0];
    }
    expect(url).toBeDefined();
    // Generated secrets are written to owner-only files; only the paths are printed.
    const tokenPath = /client token in (\S+)/.exec(io.out())![1]!;
    const secretPath = /event hook secret in (\S+)/.exec(io.out())![1]!;
    expect((await stat(tokenPath)).mode & 0o777).toBe(0o600);
    const token = (await readFile(tokenPath, 'utf8')).trim();
    const secret = (await readFile(secretPath, 'utf8')).trim();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    await writeFile(join(dir, 'token'), token + '\n');
    await writeFile(join(dir, 'secret'), secret);

    const base = ['hook', 'send', 'telephony', '--to', url!, '--request-type'];
    const ok = await cli([
      ...base,
      'mfa-verification',
      '--user',
      SEED_USER_IDS.whatsapp,
      '--client-token-file',
      'token',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Okta accepts the answer');
    expect(ok.out).toContain('channel=whatsapp;status=queued');

    const json = await cli(
      [
        ...base,
        'com.okta.user.telephony.password-reset',
        '--user',
        SEED_USER_IDS.sms,
        '--json',
        '--seed',
        '7',
      ],
      {
        OKTA_CONNECTOR_CLIENT_TOKEN: token,
      },
    );
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as {
      verdict: string;
      request: { requestType: string; data: { messageProfile: { otpCode: string } } };
    };
    expect(parsed.verdict).toBe('accepted');
    expect(parsed.request.requestType).toBe('com.okta.user.telephony.password-reset');

    const voice = await cli([
      ...base,
      'account-unlock',
      '--user',
      SEED_USER_IDS.sms,
      '--channel',
      'voice',
      '--client-token-file',
      'token',
    ]);
    expect(voice.code).toBe(1);
    expect(voice.out).toContain('Okta falls back to its own telephony provider (ERROR_OBJECT)');

    await writeFile(join(dir, 'wrong'), 'e'.repeat(64));
    const wrong = await cli([
      ...base,
      'pre-enrollment',
      '--user',
      SEED_USER_IDS.sms,
      '--client-token-file',
      'wrong',
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('HTTP 401; Okta accepts only 200');

    const eventUrl = url!.replace(/\/api\/flo\/.*$/, '/event-hook');
    const event = await cli([
      'hook',
      'send',
      'event',
      '--to',
      eventUrl,
      '--secret-file',
      'secret',
      '--resend',
    ]);
    expect(event.code).toBe(0);
    expect(event.out).toContain('Okta would use this event hook.');

    await stopHookServers();
    expect(await serving).toBe(0);
    expect(io.out()).toMatch(
      /POST \/api\/flo\/[0-9a-f]{32}\/invoke → 200 in \d+ ms \(within 3 s\) Telephony Inline Hook/,
    );
    expect(io.out()).toContain('POST /event-hook → 204');
    expect(io.out()).toContain('1 event(s), 1 duplicate(s) ignored');
    expect(io.out() + io.err()).not.toContain(token);
    expect(io.out() + io.err()).not.toContain(secret);
  });

  it('send refuses usage problems with exit 2', async () => {
    const base = ['hook', 'send', 'telephony', '--to', 'http://127.0.0.1:9/x', '--user', 'u'];
    expect((await cli([...base, '--request-type', 'mfa'])).code).toBe(2);
    expect((await cli([...base, '--request-type', 'mfa-verification'])).code).toBe(2); // no token
    expect((await cli([...base, '--request-type', 'mfa-verification', '--channel', 'fax'])).code).toBe(2);
    expect(
      (
        await cli([
          'hook',
          'send',
          'telephony',
          '--to',
          'nope',
          '--user',
          'u',
          '--request-type',
          'mfa-verification',
        ])
      ).code,
    ).toBe(2);
    expect((await cli(['hook', 'send', 'event', '--to', 'http://127.0.0.1:9/'])).code).toBe(2);
    expect((await cli(['hook', 'serve'])).code).toBe(2);
  });

  it('send exits 1 when nothing answers', async () => {
    const r = await cli(
      [
        'hook',
        'send',
        'telephony',
        '--to',
        'http://127.0.0.1:9/api/flo/x/invoke',
        '--user',
        'u',
        '--request-type',
        'mfa-verification',
      ],
      { OKTA_CONNECTOR_CLIENT_TOKEN: 't' },
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('UNREACHABLE');
  });
});
