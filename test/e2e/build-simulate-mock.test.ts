import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { DEFAULT_CREDENTIALS } from '../../src/mock/twilio/defaults.js';
import { startMockTwilio, type MockTwilio } from '../../src/mock/twilio/index.js';

/**
 * build → simulate → mock: the connector is built to disk with `okta-connector build`, then every action of the
 * written flopack runs with `okta-connector simulate <build folder> --base-url <mock>` and the mock's request log
 * shows what the artifact sent.
 */
const ACCOUNT = `/2010-04-01/Accounts/${DEFAULT_CREDENTIALS.accountSid}`;
const env = {
  OKTA_CONNECTOR_CONN_USERNAME: DEFAULT_CREDENTIALS.apiKeySid,
  OKTA_CONNECTOR_CONN_PASSWORD: DEFAULT_CREDENTIALS.apiKeySecret,
  OKTA_CONNECTOR_CONN_ACCOUNTSID: DEFAULT_CREDENTIALS.accountSid,
};

let distDir: string;
let mock: MockTwilio;
let second: MockTwilio;

const cli = (argv: string[]) => runCli(argv, { env });

async function simulate(args: string[], baseUrl = mock.url) {
  const r = await cli(['simulate', distDir, '--base-url', baseUrl, ...args]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Record<string, unknown>;
}

const SEND_MESSAGE = [
  '-a',
  'Send Message',
  '-o',
  'from=+15005550006',
  '-i',
  'to=+14155550100',
  '-i',
  'body=e2e',
];

async function sendOne(): Promise<string> {
  return String((await simulate(SEND_MESSAGE)).sid);
}

beforeAll(async () => {
  const out = await mkdtemp(join(tmpdir(), 'oc-e2e-'));
  const built = await cli(['build', 'connectors/twilio/connector.yaml', '--out', out, '--no-zip']);
  expect(built.code).toBe(0);
  distDir = join(out, 'twilio');
  mock = await startMockTwilio({ host: '127.0.0.1', port: 0, lifecycleStepMs: 2 });
  second = await startMockTwilio({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await mock?.close();
  await second?.close();
});
beforeEach(() => {
  mock.reset();
  second.reset();
});

describe('build → simulate → mock, every Twilio action', () => {
  it('Send Message', async () => {
    const out = await simulate(SEND_MESSAGE);
    expect(out).toMatchObject({ status: 'queued', to: '+14155550100' });
    expect(mock.requests()).toMatchObject([
      {
        method: 'POST',
        path: `${ACCOUNT}/Messages.json`,
        form: { To: '+14155550100', From: '+15005550006', Body: 'e2e' },
        status: 201,
      },
    ]);
  });

  it('Send WhatsApp', async () => {
    const out = await simulate([
      '-a',
      'Send WhatsApp',
      '-o',
      'from=+14155238886',
      '-i',
      'to=+14155550100',
      '-i',
      'body=hi',
    ]);
    expect(out).toMatchObject({ to: 'whatsapp:+14155550100', from: 'whatsapp:+14155238886' });
    expect(mock.requests()[0]?.form).toMatchObject({
      To: 'whatsapp:+14155550100',
      From: 'whatsapp:+14155238886',
    });
  });

  it('Send Message via Messaging Service', async () => {
    const out = await simulate([
      '-a',
      'Send Message via Messaging Service',
      '-o',
      'messagingServiceSid=MG11111111111111111111111111111111',
      '-i',
      'to=+14155550100',
      '-i',
      'body=pool',
    ]);
    expect(out.status).toBe('accepted');
    expect(mock.requests()[0]?.form).toMatchObject({
      MessagingServiceSid: 'MG11111111111111111111111111111111',
    });
  });

  it('Get Message', async () => {
    const sid = await sendOne();
    const out = await simulate(['-a', 'Get Message', '-i', `sid=${sid}`]);
    expect(out).toMatchObject({ sid, body: 'e2e' });
    expect(mock.requests()[1]).toMatchObject({
      method: 'GET',
      path: `${ACCOUNT}/Messages/${sid}.json`,
      status: 200,
    });
  });

  it('List Messages', async () => {
    const sid = await sendOne();
    const out = await simulate(['-a', 'List Messages', '-i', 'to=+14155550100', '-i', 'pageSize=10']);
    expect((out.messages as Array<{ sid: string }>).map((m) => m.sid)).toEqual([sid]);
    expect(mock.requests()[1]).toMatchObject({
      method: 'GET',
      query: { To: '+14155550100', PageSize: '10' },
      status: 200,
    });
  });

  it('Delete Message', async () => {
    const sid = await sendOne();
    const out = await simulate(['-a', 'Delete Message', '-i', `sid=${sid}`]);
    expect(out).toEqual({ statusCode: 204 });
    expect(mock.requests()[1]).toMatchObject({
      method: 'DELETE',
      path: `${ACCOUNT}/Messages/${sid}.json`,
      status: 204,
    });
    expect(mock.messages()).toHaveLength(0);
  });

  it('Custom API Action', async () => {
    await sendOne();
    const out = await simulate([
      '-a',
      'Custom API Action',
      '-o',
      'requestType=GET',
      '-i',
      'Relative URL=/Messages.json',
    ]);
    expect(out['Status Code'] ?? out.statusCode).toBe(200);
    expect(mock.requests()[1]).toMatchObject({
      method: 'GET',
      path: `${ACCOUNT}/Messages.json`,
      status: 200,
    });
  });

  it('_authping', async () => {
    const out = await simulate(['--authping']);
    expect(out).toMatchObject({ working: true, serviceResponse: { status_code: 200 } });
    expect(mock.requests()[0]).toMatchObject({
      method: 'GET',
      query: { PageSize: '1' },
      authUser: DEFAULT_CREDENTIALS.apiKeySid,
    });
  });
});

describe('simulate --base-url against a second mock on another port', () => {
  it('sends to the second mock only', async () => {
    expect(second.port).not.toBe(mock.port);
    await simulate(
      ['-a', 'Send Message', '-o', 'from=+15005550006', '-i', 'to=+14155550100', '-i', 'body=second'],
      second.url,
    );
    expect(second.requests()).toHaveLength(1);
    expect(second.messages()[0]?.body).toBe('second');
    expect(mock.requests()).toHaveLength(0);
  });
});
