import { cp, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { DEFAULT_CREDENTIALS } from '../../src/mock/twilio/defaults.js';
import { recordScenario } from '../../src/scenario/record.js';
import { packagePath } from '../../src/util/paths.js';
import { fakeIo } from '../helpers/fake-io.js';

describe('recordScenario', () => {
  it('turns run-specific values into patterns and connection ids into placeholders', () => {
    const text = recordScenario({
      flow: { kind: 'action', name: 'Get Message' },
      options: {},
      inputs: { sid: 'SM0123456789abcdef0123456789abcdef' },
      result: {
        ok: true,
        outputs: {
          sid: 'SM0123456789abcdef0123456789abcdef',
          dateSent: 'Tue, 24 Nov 2026 01:29:27 +0000',
          price: null,
        },
        steps: 1,
        trace: [],
      },
      requests: [
        {
          method: 'GET',
          path: '/2010-04-01/Accounts/AC11111111111111111111111111111111/Messages/SM0123456789abcdef0123456789abcdef.json',
          query: {},
          headers: {},
          status: 200,
        },
      ],
      connectionIds: { accountSid: 'AC11111111111111111111111111111111', username: 'SK1' },
    });
    const s = parse(text);
    expect(s).toMatchObject({
      name: 'Get Message (recorded)',
      action: 'Get Message',
      inputs: { sid: 'SM0123456789abcdef0123456789abcdef' },
    });
    expect(s.expect.outputs).toEqual({
      sid: { match: '^(SM|MM)[0-9a-f]{32}$' },
      dateSent: { match: expect.any(String) },
      price: null,
    });
    expect(s.expect.requests[0].path).toBe(
      '/2010-04-01/Accounts/${connection.accountSid}/Messages/SM0123456789abcdef0123456789abcdef.json',
    );
  });
});

describe('simulate --save-scenario → test', () => {
  it('records a run that `okta-connector test` then passes, with no credential in the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oc-record-'));
    await cp(packagePath('connectors/twilio/connector.yaml'), join(dir, 'connector.yaml'));
    await mkdir(join(dir, 'tests'));
    const sim = fakeIo({ cwd: dir });
    const args = ['simulate', 'connector.yaml', '-a', 'Send WhatsApp', '-o', 'from=+14155238886'];
    const code = await run(
      [...args, '-i', 'to=+14155550100', '-i', 'body=hi', '--save-scenario', 'tests/wa.yaml'],
      sim,
    );
    expect(code).toBe(0);
    const text = await readFile(join(dir, 'tests/wa.yaml'), 'utf8');
    expect(text).toContain('To: whatsapp:+14155550100');
    expect(text).not.toContain(DEFAULT_CREDENTIALS.apiKeySecret);
    expect(text).not.toContain(DEFAULT_CREDENTIALS.accountSid);
    const test = fakeIo({ cwd: dir });
    expect(await run(['test', '.'], test)).toBe(0);
    expect(test.out()).toContain('1 passed, 0 failed');
  });
});
