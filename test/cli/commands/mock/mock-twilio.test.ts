import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo as sharedFakeIo } from '../../../helpers/fake-io.js';
import { waitFor } from '../../../helpers/wait-for.js';
import { stopRunningMocks } from '../../../../src/cli/commands/mock/index.js';
import { run } from '../../../../src/cli/run.js';
import { DEFAULT_CREDENTIALS as C } from '../../../../src/mock/twilio/defaults.js';

/** The shared in-memory Io, in the { io, out, err } shape these tests use. */
function fakeIo(cwd = process.cwd()) {
  const io = sharedFakeIo({ cwd });
  return { io, out: io.out, err: io.err };
}

describe('okta-connector mock twilio', () => {
  it('prints the URL and SIDs (not secrets), logs each request redacted, stops cleanly on request', async () => {
    const t = fakeIo();
    const exit = run(['mock', 'twilio', '--port', '0'], t.io);
    const url = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(t.out())?.[1]);
    expect(t.out()).toContain(C.accountSid);
    expect(t.out()).toContain(C.apiKeySid);
    expect(t.out()).not.toContain(C.authToken);
    expect(t.out()).not.toContain(C.apiKeySecret);
    const auth = 'Basic ' + Buffer.from(`${C.apiKeySid}:${C.apiKeySecret}`).toString('base64');
    const r = await fetch(`${url}/2010-04-01/Accounts/${C.accountSid}/Messages.json`, {
      headers: { authorization: auth },
    });
    expect(r.status).toBe(200);
    await waitFor(() => (t.out().includes('GET /2010-04-01/') ? true : undefined));
    expect(t.out()).toMatch(/GET \/2010-04-01\/Accounts\/AC1{32}\/Messages\.json 200 \d+ms/);
    expect(t.out()).not.toContain(C.apiKeySecret);
    stopRunningMocks();
    expect(await exit).toBe(0);
    expect(t.out()).toContain('Mock Twilio stopped.');
    await expect(fetch(`${url}/__mock/health`)).rejects.toThrow(); // closed before the command returned
  });

  it('--show-credentials prints the secrets; --quiet logs nothing', async () => {
    const t = fakeIo();
    const exit = run(['mock', 'twilio', '--port', '0', '--show-credentials', '--quiet'], t.io);
    const url = await waitFor(() => /listening on (\S+)/.exec(t.out())?.[1]);
    expect(t.out()).toContain(C.apiKeySecret);
    await fetch(`${url}/2010-04-01/Accounts/${C.accountSid}/Messages.json`);
    stopRunningMocks();
    expect(await exit).toBe(0);
    expect(t.out()).not.toContain('GET /2010');
  });

  it('--max-messages caps the store and says the eviction once, even with --quiet', async () => {
    const t = fakeIo();
    const exit = run(
      ['mock', 'twilio', '--port', '0', '--quiet', '--max-messages', '2', '--max-logged-requests', '3'],
      t.io,
    );
    const url = await waitFor(() => /listening on (\S+)/.exec(t.out())?.[1]);
    const auth = 'Basic ' + Buffer.from(`${C.apiKeySid}:${C.apiKeySecret}`).toString('base64');
    for (let i = 0; i < 5; i++)
      await fetch(`${url}/2010-04-01/Accounts/${C.accountSid}/Messages.json`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
        body: `To=%2B14155550100&From=%2B15005550006&Body=m${i}`,
      });
    const health = (await (await fetch(`${url}/__mock/health`)).json()) as Record<string, number>;
    expect(health).toMatchObject({ messages: 2, evictedMessages: 3, loggedRequests: 3, droppedRequests: 2 });
    stopRunningMocks();
    expect(await exit).toBe(0);
    expect(t.out().match(/message cap reached \(2 messages\)/g)).toHaveLength(1);
  });

  it.each([
    ['--max-messages', '0', 'must be at least 1'],
    ['--max-messages', 'many', '--max-messages must be a whole number'],
    ['--max-logged-requests', '-1', '--max-logged-requests must be a whole number'],
  ])('%s %s is a usage error', async (flag, value, message) => {
    const t = fakeIo();
    expect(await run(['mock', 'twilio', '--port', '0', flag, value], t.io)).toBe(2);
    expect(t.err()).toContain(message);
  });

  it('a bad seed file is exit 1 with file:line:column; a bad port is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-cli-'));
    writeFileSync(join(dir, 'seed.yaml'), 'accounts:\n  - sid: nope\n    authToken: x\n');
    const t = fakeIo(dir);
    expect(await run(['mock', 'twilio', '--seed', 'seed.yaml', '--port', '0'], t.io)).toBe(1);
    expect(t.err()).toMatch(/seed\.yaml:2:10/);
    const u = fakeIo();
    expect(await run(['mock', 'twilio', '--port', 'abc'], u.io)).toBe(2);
    expect(u.err()).toContain('--port must be a whole number');
  });

  it('a port in use is a clear message, exit 1', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const t = fakeIo();
    try {
      expect(await run(['mock', 'twilio', '--port', String(port)], t.io)).toBe(1);
      expect(t.err()).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
