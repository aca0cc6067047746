import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { DEFAULT_CREDENTIALS, startMockTwilio, type MockTwilio } from '../../src/mock/twilio/index.js';
import { packagePath } from '../../src/util/paths.js';
import { fakeIo } from '../helpers/fake-io.js';

/** `test --base-url`: the Twilio suite against a separately started server, as a user would against their own. */
describe('okta-connector test --base-url', () => {
  let server: MockTwilio;
  beforeAll(async () => {
    server = await startMockTwilio({ port: 0 });
  });
  afterAll(() => server.close());

  const connection = () => ({
    OKTA_CONNECTOR_CONNECTION: JSON.stringify({
      username: DEFAULT_CREDENTIALS.apiKeySid,
      password: DEFAULT_CREDENTIALS.apiKeySecret,
      accountSid: DEFAULT_CREDENTIALS.accountSid,
    }),
  });

  it('runs what needs no mock against the server, checks requests as sent, and skips the rest', async () => {
    const io = fakeIo({ env: connection() });
    const code = await run(
      [
        'test',
        packagePath('connectors/twilio'),
        '--base-url',
        server.url,
        '--filter',
        'authping',
        '--format',
        'json',
      ],
      io,
    );
    const report = JSON.parse(io.out());
    expect(report.scenarios.map((s: { name: string; ok: boolean }) => [s.name, s.ok])).toEqual([
      ['_authping reports a wrong API key secret as not working', true],
      ['_authping says the default API key works', true],
    ]);
    expect(code).toBe(0);
    // The server, not an embedded mock, answered: it saw the authping's list request.
    expect(server.requests().some((r) => r.path.endsWith('/Messages.json') && r.query.PageSize === '1')).toBe(
      true,
    );
  });

  it('reports scenarios that need the embedded mock as skipped, not failed', async () => {
    const io = fakeIo({ env: connection() });
    const code = await run(
      ['test', packagePath('connectors/twilio'), '--base-url', server.url, '--filter', 'timeout'],
      io,
    );
    expect(io.out()).toContain('(skipped: needs the embedded mock (mock.faults))');
    expect(io.out()).toContain('0 passed, 0 failed, 1 skipped');
    expect(code).toBe(0);
  });

  it('refuses a malformed URL with a usage error', async () => {
    const io = fakeIo({ env: connection() });
    expect(await run(['test', packagePath('connectors/twilio'), '--base-url', 'nope'], io)).toBe(2);
    expect(io.err()).toContain('--base-url must be an absolute http(s) URL');
  });
});
