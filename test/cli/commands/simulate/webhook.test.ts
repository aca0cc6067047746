import { describe, it, expect } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as cli } from '../../../helpers/cli.js';

const SPEC = 'connectors/twilio/connector.yaml';
const SID = 'PNbaebb17069f6a6cd7ab877333b9eaaeb';

async function deliveryFile(accountSid: string, extra = ''): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'oc-webhook-'));
  const file = join(dir, 'delivery.yaml');
  await writeFile(
    file,
    [
      'contentType: application/x-www-form-urlencoded',
      "headers: { X-Twilio-Signature: 'c2ln' }",
      `body: 'MessageSid=SM1&AccountSid=${accountSid}&From=%2B14155550100&To=%2B15005550006&Body=Hi+there&NumMedia=0'`,
      extra,
    ].join('\n'),
  );
  return file;
}

/** `simulate` the event flow New Incoming Message on the registered phone number, delivering `file`. */
const deliver = (file: string) =>
  cli(['simulate', SPEC, '--flow', 'New Incoming Message', '-o', `phoneNumberSid=${SID}`, '--webhook', file]);

describe('simulate: webhook events', () => {
  it('runs the registration flow against the mock Twilio and prints the Registration data', async () => {
    const r = await cli([
      'simulate',
      SPEC,
      '--flow',
      'New Incoming Message Registration',
      '-i',
      `phoneNumberSid=${SID}`,
      '-i',
      'eventUrl=https://org.workflows.okta.com/api/flo/abc/invoke',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ registrationData: SID });
  });

  it('--webhook delivers a form-encoded payload to the event flow', async () => {
    const file = await deliveryFile('AC11111111111111111111111111111111');
    const r = await deliver(file);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ messageSid: 'SM1', body: 'Hi there', signature: 'c2ln' });
  });

  it('says so when the filter drops the delivery, and refuses unknown keys (exit 2)', async () => {
    const other = await deliver(await deliveryFile('AC22222222222222222222222222222222'));
    expect(other.code).toBe(0);
    expect(JSON.parse(other.out)).toEqual({});
    expect(other.err).toContain('stopped at a Continue If');
    const bad = await cli([
      'simulate',
      SPEC,
      '--flow',
      'New Incoming Message',
      '--webhook',
      await deliveryFile('AC1', 'bogus: 1'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--webhook: unknown key(s) bogus');
  });
});
