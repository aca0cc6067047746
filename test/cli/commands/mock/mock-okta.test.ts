import { describe, expect, it } from 'vitest';
import { waitFor } from '../../../helpers/wait-for.js';
import { stopRunningMocks } from '../../../../src/cli/commands/mock/index.js';
import { run } from '../../../../src/cli/run.js';
import { DEFAULT_OKTA_TOKEN, SEED_USER_IDS } from '../../../../src/mock/okta/index.js';
import { fakeIo } from '../../../helpers/fake-io.js';

describe('okta-connector mock okta', () => {
  it('serves the seeded users behind an SSWS token it does not print, logs requests, stops cleanly', async () => {
    const io = fakeIo();
    const exit = run(['mock', 'okta', '--port', '0'], io);
    const url = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out())?.[1]);
    expect(io.out()).not.toContain(DEFAULT_OKTA_TOKEN);
    const id = Object.values(SEED_USER_IDS)[0]!;
    expect(io.out()).toContain(id);
    const ok = await fetch(`${url}/api/v1/users/${id}`, {
      headers: { authorization: `SSWS ${DEFAULT_OKTA_TOKEN}` },
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { id: string }).id).toBe(id);
    const denied = await fetch(`${url}/api/v1/users/${id}`);
    expect(denied.status).toBe(401);
    await waitFor(() => (io.out().includes(' 401 ') ? true : undefined));
    expect(io.out()).toMatch(new RegExp(`GET /api/v1/users/${id} 200 \\d+ms`));
    stopRunningMocks();
    expect(await exit).toBe(0);
    expect(io.out()).toContain('Mock Okta stopped.');
  });

  it('refuses a bad port with a usage error', async () => {
    const io = fakeIo();
    expect(await run(['mock', 'okta', '--port', 'x'], io)).toBe(2);
    expect(io.err()).toContain('--port must be a whole number');
  });
});
