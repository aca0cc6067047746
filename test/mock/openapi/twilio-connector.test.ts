import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as lib from '../../../src/index.js';
import type { Flopack } from '../../../src/flopack/types.js';
import { packagePath } from '../../../src/util/paths.js';
import { ACCOUNT_SID, description, TWILIO_FILE, withoutResponseExamples } from './helpers.js';

/**
 * The bundled Twilio connector, built in memory through the library API, runs every action and the authping
 * with the simulator against the OpenAPI mock serving Twilio's own description: the transport rewrites
 * https://api.twilio.com to the mock, exactly as `simulate` does for the Twilio mock.
 */
const auth = {
  username: 'SK11111111111111111111111111111111',
  password: 'not-a-secret',
  accountSid: ACCOUNT_SID,
};
const SID = 'SM0123456789abcdef0123456789abcdef';

const RUNS: Array<{ flow: string; inputs: Record<string, unknown>; operation: string; status: number }> = [
  { flow: '_authping', inputs: {}, operation: 'ListMessage', status: 200 },
  {
    flow: 'Send Message',
    inputs: {
      from: '+15005550006',
      to: '+14155550100',
      body: 'Your code is 123456',
      statusCallback: 'https://example.com/status',
    },
    operation: 'CreateMessage',
    status: 201,
  },
  {
    flow: 'Send WhatsApp',
    inputs: { from: '+14155238886', to: '+14155550100', body: 'Your code is 123456' },
    operation: 'CreateMessage',
    status: 201,
  },
  {
    flow: 'Send Message via Messaging Service',
    inputs: { messagingServiceSid: 'MG11111111111111111111111111111111', to: '+14155550100', body: 'hi' },
    operation: 'CreateMessage',
    status: 201,
  },
  { flow: 'Get Message', inputs: { sid: SID }, operation: 'FetchMessage', status: 200 },
  {
    flow: 'List Messages',
    inputs: { to: '+14155550100', from: '+15005550006', dateSent: '2024-05-01', pageSize: 20 },
    operation: 'ListMessage',
    status: 200,
  },
  { flow: 'Delete Message', inputs: { sid: SID }, operation: 'DeleteMessage', status: 204 },
  {
    flow: 'Custom API Action',
    inputs: { requestType: 'GET', 'Relative URL': '/Messages.json', Query: { PageSize: 5 } },
    operation: 'ListMessage',
    status: 200,
  },
];

let flopack: Flopack;
beforeAll(async () => {
  const { spec } = await lib.loadValidSpec(packagePath('connectors/twilio/connector.yaml'));
  flopack = lib.generateConnector(spec).flopack;
});

async function runAll(mock: lib.OpenApiMock) {
  const transport = lib.createHttpTransport({
    rewrite: mock.origins.map((from) => ({ from, to: mock.url })),
  });
  const results: Record<string, lib.FlowResult> = {};
  for (const run of RUNS)
    results[run.flow] = await lib.runFlow(flopack, run.flow, { auth, ...run.inputs }, { transport });
  return results;
}

describe("the Twilio connector's flows against the mock serving Twilio's description", () => {
  let mock: lib.OpenApiMock;
  beforeAll(async () => {
    mock = await lib.startOpenApiMock({ description: await description(TWILIO_FILE) });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  it('the description names the origin the connector calls', () => {
    expect(mock.origins).toEqual(['https://api.twilio.com']);
  });

  it('accepts every request of every action and the authping (2xx in the log), outputs from the examples', async () => {
    const results = await runAll(mock);
    for (const run of RUNS)
      expect({ flow: run.flow, ok: results[run.flow]!.ok }).toEqual({ flow: run.flow, ok: true });
    expect(
      mock.requests().map((r) => ({ operation: r.operation, status: r.status, errors: r.errors })),
    ).toEqual(RUNS.map((r) => ({ operation: r.operation, status: r.status, errors: undefined })));
    const sent = results['Send Message']!;
    // Twilio's own example for CreateMessage: the flow's outputs read it field by field.
    expect(sent.ok && sent.outputs).toMatchObject({
      sid: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      status: 'queued',
      numSegments: '1',
    });
    const authping = results._authping!;
    expect(authping.ok && authping.outputs).toMatchObject({
      working: true,
      serviceResponse: { status_code: 200 },
    });
    const list = results['List Messages']!;
    expect(list.ok && Array.isArray(list.outputs.messages)).toBe(true);
    expect(results['Delete Message']!.ok && results['Delete Message']!.outputs).toMatchObject({
      statusCode: 204,
    });
    // What the flows sent, as the mock logged it, with the credential redacted to the API key SID.
    expect(mock.requests()[1]).toMatchObject({
      method: 'POST',
      path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`,
      form: { To: '+14155550100', From: '+15005550006', Body: 'Your code is 123456' },
      authUser: auth.username,
      headers: { authorization: `Basic <redacted:${auth.username}>` },
    });
    expect(JSON.stringify(mock.requests())).not.toContain(auth.password);
  });

  it("List Messages' DateSent=YYYY-MM-DD passes only through the shipped Twilio override", async () => {
    const strict = await lib.startOpenApiMock({
      description: await description(TWILIO_FILE),
      bundledOverrides: false,
    });
    try {
      const transport = lib.createHttpTransport({
        rewrite: [{ from: 'https://api.twilio.com', to: strict.url }],
      });
      const run = RUNS.find((r) => r.flow === 'List Messages')!;
      const result = await lib.runFlow(flopack, run.flow, { auth, ...run.inputs }, { transport });
      expect(result.ok).toBe(false);
      expect(strict.requests()[0]).toMatchObject({
        status: 400,
        errors: [{ in: 'query', name: 'DateSent', rule: 'format', message: 'must match format "date-time"' }],
      });
    } finally {
      await strict.close();
    }
  });
});

describe('the same flows when the description has no response examples: generated responses', () => {
  let mock: lib.OpenApiMock;
  beforeAll(async () => {
    mock = await lib.startOpenApiMock({
      description: withoutResponseExamples(await description(TWILIO_FILE)),
      seed: 7,
    });
  });
  afterAll(() => mock.close());

  it("fills the flows' outputs from values generated by the schemas, the same for the same seed", async () => {
    const first = await runAll(mock);
    expect(mock.requests().map((r) => r.status)).toEqual(RUNS.map((r) => r.status));
    const sent = first['Send Message']!;
    if (!sent.ok) throw new Error(sent.error.message);
    expect(sent.outputs.sid).toMatch(/^(SM|MM)[0-9a-fA-F]{32}$/);
    expect(sent.outputs.sid).not.toBe('SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect([
      'queued',
      'sending',
      'sent',
      'failed',
      'delivered',
      'undelivered',
      'receiving',
      'received',
      'accepted',
      'scheduled',
      'read',
      'partially_delivered',
      'canceled',
    ]).toContain(sent.outputs.status);
    expect(typeof sent.outputs.to).toBe('string');
    const again = await runAll(mock);
    expect(again['Send Message']!.ok && again['Send Message']!.outputs).toEqual(sent.outputs);
    // Another request (another body) gets other values, as another message would.
    const whatsapp = first['Send WhatsApp']!;
    expect(whatsapp.ok && whatsapp.outputs.sid).not.toBe(sent.outputs.sid);
  });
});
