import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as cli } from '../../../helpers/cli.js';
import { DEFAULT_CREDENTIALS } from '../../../../src/mock/twilio/defaults.js';
import { startMockTwilio, type MockTwilio } from '../../../../src/mock/twilio/index.js';
import { OKTA_WORKFLOWS_DIR } from '../../../support/fixtures.js';

const SPEC = 'connectors/twilio/connector.yaml';
const SAMPLES = OKTA_WORKFLOWS_DIR;
const SEND = ['simulate', SPEC, '--action', 'Send Message', '--option', 'from=+15005550006'];

describe('simulate (embedded mock)', () => {
  it('prints the action outputs as JSON and exits 0', async () => {
    const r = await cli([...SEND, '--input', 'to=+14155550100', '--input', 'body=hi']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const outputs = JSON.parse(r.out) as Record<string, unknown>;
    expect(outputs.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(outputs).toMatchObject({
      status: 'queued',
      to: '+14155550100',
      from: '+15005550006',
      numSegments: '1',
    });
  });

  it('keys outputs by label with --labels', async () => {
    const r = await cli([...SEND, '-i', 'to=+14155550100', '-i', 'body=hi', '--labels']);
    expect(Object.keys(JSON.parse(r.out) as object)).toContain('Message SID');
  });

  it('reads inputs as JSON from stdin with --input-file @-', async () => {
    const r = await cli([...SEND, '--input-file', '@-', '--input', 'body=from flag'], {
      stdin: '{"to": "+14155550100", "body": "from stdin"}',
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ to: '+14155550100' });
  });

  it('exits 3 with the error as Okta shows it when the flow fails', async () => {
    const r = await cli([...SEND, '--input', 'body=hi']);
    expect(r.code).toBe(3);
    expect(r.out).toBe('');
    expect(r.err).toContain('Error 400: No To input provided. Enter a valid To.');
    expect(r.err).toContain('card "Require To"');
    const t = await cli([...SEND, '-i', 'to=+15005550001', '-i', 'body=hi']);
    expect(t.code).toBe(3);
    expect(t.err).toContain("Error 400: The 'To' number +15005550001 is not a valid phone number.");
  });

  it('exits 2 for an unknown action or input, with a suggestion', async () => {
    const a = await cli(['simulate', SPEC, '--action', 'Send Mesage']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('did you mean "Send Message"?');
    const i = await cli([...SEND, '--input', 'bdy=x']);
    expect(i.code).toBe(2);
    expect(i.err).toContain('valid inputs: to, body, statusCallback');
  });

  it('runs the authping; a wrong secret from the environment exits 3', async () => {
    const ok = await cli(['simulate', SPEC, '--authping']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ working: true, serviceResponse: { status_code: 200 } });
    const bad = await cli(['simulate', SPEC, '--authping'], {
      env: { OKTA_CONNECTOR_CONN_PASSWORD: 'wrong-secret' },
    });
    expect(bad.code).toBe(3);
    expect(JSON.parse(bad.out)).toMatchObject({ working: false, serviceResponse: { status_code: 401 } });
    expect(bad.err).toContain('the connection does not work');
    expect(bad.out + bad.err).not.toContain('wrong-secret');
  });

  it('never shows the API key secret in stdout, stderr or the trace file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oc-trace-'));
    const traceFile = join(dir, 'trace.json');
    const r = await cli([
      ...SEND,
      '-i',
      'to=+14155550100',
      '-i',
      'body=hi',
      '--trace',
      '--trace-file',
      traceFile,
    ]);
    expect(r.code).toBe(0);
    const trace = await readFile(traceFile, 'utf8');
    const basic = Buffer.from(
      `${DEFAULT_CREDENTIALS.apiKeySid}:${DEFAULT_CREDENTIALS.apiKeySecret}`,
    ).toString('base64');
    for (const text of [r.out, r.err, trace]) {
      expect(text).not.toContain(DEFAULT_CREDENTIALS.apiKeySecret);
      expect(text).not.toContain(basic);
    }
    // The trace shows the cards and the HTTP exchange, with Authorization redacted.
    expect(r.err).toContain('▶ Send Message');
    expect(r.err).toContain('Compose form body');
    // The URL actually requested (the embedded mock), and the one the flow asked for (issue 12).
    expect(r.err).toMatch(/→ POST http:\/\/127\.0\.0\.1:\d+\/2010-04-01\/Accounts\/AC1{32}\/Messages\.json/);
    expect(r.err).toMatch(
      /\(the flow asked for https:\/\/api\.twilio\.com\/2010-04-01\/Accounts\/AC1{32}\/Messages\.json\)/,
    );
    // Hidden path cards appear as the field a person dragged, never as a raw card id.
    expect(r.err).toMatch(/● Path: Call httpHelper › body › .*\bsid\b/);
    expect(r.err).toMatch(/authorization: «redacted»/i);
    expect(r.err).toMatch(/← 201/);
    const doc = JSON.parse(trace) as { ok: boolean; events: Array<{ type: string }> };
    expect(doc.ok).toBe(true);
    expect(doc.events.some((e) => e.type === 'http')).toBe(true);
    expect(doc.events.filter((e) => e.type === 'card').length).toBeGreaterThan(5);
  });
});

describe('simulate --base-url', () => {
  let second: MockTwilio;
  beforeAll(async () => {
    second = await startMockTwilio({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => second.close());

  const env = {
    OKTA_CONNECTOR_CONN_USERNAME: DEFAULT_CREDENTIALS.apiKeySid,
    OKTA_CONNECTOR_CONN_PASSWORD: DEFAULT_CREDENTIALS.apiKeySecret,
    OKTA_CONNECTOR_CONN_ACCOUNTSID: DEFAULT_CREDENTIALS.accountSid,
  };

  it('runs against another Twilio-compatible server with credentials from the environment', async () => {
    second.reset();
    const r = await cli(
      [...SEND, '-i', 'to=+14155550100', '-i', 'body=over there', '--base-url', second.url],
      { env },
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [req] = second.requests();
    expect(req).toMatchObject({ method: 'POST', status: 201, authUser: DEFAULT_CREDENTIALS.apiKeySid });
    expect(req?.form?.Body).toBe('over there');
    expect(second.messages()).toHaveLength(1);
  });

  it('exits 2 naming what to set when the connection is missing', async () => {
    const r = await cli([...SEND, '-i', 'to=+1', '-i', 'body=x', '--base-url', second.url], {
      env: { OKTA_CONNECTOR_CONN_USERNAME: 'SKx' },
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing password, accountSid');
    expect(r.err).toContain('OKTA_CONNECTOR_CONN_PASSWORD');
  });

  it('exits 2 for a base URL with a path or a bad scheme', async () => {
    expect((await cli([...SEND, '--base-url', `${second.url}/2010-04-01`], { env })).code).toBe(2);
    expect((await cli([...SEND, '--base-url', 'ftp://x'], { env })).code).toBe(2);
  });
});

describe('simulate real exports', () => {
  it('runs send_sms_via_twilio against the mock with the connection from the environment', async () => {
    const r = await cli(
      [
        'simulate',
        '--mock',
        'twilio',
        join(SAMPLES, 'send_sms_via_twilio.flopack'),
        '--flow',
        'SUB - Send SMS via Twilio',
        // The template composes the form body without encoding: a "+" must be given as %2B (as in Okta).
        '--input',
        'To mobile phone number=%2B14155550100',
        '--input',
        'From phone number=%2B15005550006',
        '--input',
        'message=hello',
        '--input',
        `Twilio Account SID=${DEFAULT_CREDENTIALS.accountSid}`,
      ],
      {
        env: {
          OKTA_CONNECTOR_CONNECTION: JSON.stringify({
            username: DEFAULT_CREDENTIALS.accountSid,
            password: DEFAULT_CREDENTIALS.authToken,
          }),
        },
      },
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('loads every sample and lists the cards it cannot run', async () => {
    const files = (await readdir(SAMPLES)).filter((f) => /\.(flopack|flow|folder)$/.test(f));
    for (const file of files) {
      const r = await cli(['simulate', join(SAMPLES, file), '--list']);
      expect(r.code, file).toBe(0);
      expect(r.out).toMatch(/\d+ flow\(s\)/);
      expect(r.out).toMatch(/cards the simulator cannot run|every card can be simulated/);
    }
    const slack = await cli(['simulate', join(SAMPLES, 'slack_user_details_with_capia.flow'), '--list']);
    expect(slack.out).toContain('root:channels:http:slack:1.6.229:httpRequest');
  });

  it('warns before running an export flow that has unsupported cards, then fails clearly', async () => {
    const r = await cli([
      'simulate',
      join(SAMPLES, 'raw_http_connection_gsuite.flopack'),
      '--base-url',
      'http://127.0.0.1:9',
    ]);
    expect(r.err).toContain('has cards the simulator cannot run');
    expect(r.err).toContain('Create Group');
    expect(r.code).toBe(3);
  });

  it('never runs an export against a mock nobody named: it stops and says what to pass', async () => {
    const r = await cli(['simulate', join(SAMPLES, 'raw_http_connection_gsuite.flopack')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is an export with no spec to name a mock');
    expect(r.err).toContain('--base-url <url>');
    expect(r.err).toContain('--openapi <description>');
    expect(r.err).toContain('--mock twilio');
  });
});

describe('simulate refuses what lint rejects (issue 18 #4)', () => {
  /** The real Twilio sample with its one flow's `id` replaced: a number or null crashed the interpreter. */
  async function withFlowId(id: unknown): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'oc-bad-id-'));
    const flopack = JSON.parse(await readFile(`${SAMPLES}send_sms_via_twilio.flopack`, 'utf8')) as {
      data: { flos: Record<string, { id: unknown }> };
    };
    for (const flo of Object.values(flopack.data.flos)) flo.id = id;
    const file = join(dir, 'bad.flopack');
    await writeFile(file, JSON.stringify(flopack));
    return file;
  }

  it('refuses a .flopack whose type was damaged with the lint finding, not as an unknown file (fuzz seed 20261513)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oc-bad-type-'));
    const text = (await readFile(`${SAMPLES}send_sms_via_twilio.flopack`, 'utf8')).replace(
      '"type":"flopack"',
      '"type":"flopackAAAA"',
    );
    await writeFile(join(dir, 'bad.flopack'), text);
    const r = await cli(['simulate', join(dir, 'bad.flopack')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error  OC-FLOPACK-TOP');
  });

  it.each([[42], [null]])('refuses a flow id of %j with the lint finding and exit 1', async (id) => {
    const r = await cli(['simulate', await withFlowId(id)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error  OC-FLOPACK-ID-MISMATCH');
    expect(r.err).not.toContain('internal error');
  });
});
