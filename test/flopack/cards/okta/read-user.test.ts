import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FlowBuilder,
  IdFactory,
  apiEndpoint,
  addEndpointField,
  returnCard,
  addReturnField,
  oktaReadUser,
} from '../../../../src/flopack/builder/index.js';
import type { Flopack } from '../../../../src/flopack/types.js';
import {
  DEFAULT_OKTA_TOKEN,
  SEED_USER_IDS,
  startMockOkta,
  type MockOkta,
} from '../../../../src/mock/okta/index.js';
import { OPT_IN_CARDS, createHttpTransport, runFlow } from '../../../../src/simulate/index.js';

// A tiny API Endpoint flow around the Read User card, run against the mock Okta through an origin rewrite.
const ids = new IdFactory();
const flow = new FlowBuilder(ids, 'test/read-user');
const start = apiEndpoint(flow);
const user = addEndpointField(start, 'user', 'string');
const reader = oktaReadUser(
  flow,
  'read',
  user,
  [
    { key: 'mobilePhone', type: 'string', displayname: 'Mobile phone' },
    { key: 'whatsappOTP', type: 'boolean', displayname: 'WhatsApp OTP' },
  ],
  'cfg-okta',
);
const ret = returnCard(flow);
addReturnField(flow, ret, { key: 'phone', type: 'string' }, reader.profile.mobilePhone!);
addReturnField(flow, ret, { key: 'optIn', type: 'boolean' }, reader.profile.whatsappOTP!);
addReturnField(
  flow,
  ret,
  { key: 'status', type: 'string' },
  reader.card.output('Status', 'System Properties'),
);
flow.chain(start, reader.card, ret);
const flo = flow.build({
  id: 'f0000000-0000-4000-8000-000000000001',
  name: 'Read',
  description: '',
  group: 'g',
});
const flopack: Flopack = {
  type: 'flopack',
  version: '1.5.0',
  created: '2024-01-01T00:00:00.000Z',
  flags: {},
  data: {
    flos: { [flo.id]: flo },
    configs: { 'cfg-okta': { id: 'cfg-okta', name: 'Okta', module: 'okta', data: null } },
    tables: {},
    groups: {},
  },
};

let okta: MockOkta;
beforeAll(async () => {
  okta = await startMockOkta();
});
afterAll(async () => okta.close());

const run = (
  userRef: string,
  connection: Record<string, unknown> | null = { domain: 'acme.okta.com', token: DEFAULT_OKTA_TOKEN },
) =>
  runFlow(
    flopack,
    flo.id,
    { body: JSON.stringify({ user: userRef }) },
    {
      transport: createHttpTransport({ rewrite: [{ from: 'https://acme.okta.com', to: okta.url }] }),
      connections: connection ? { 'cfg-okta': connection } : {},
      extraCards: OPT_IN_CARDS,
    },
  );

describe('Okta Read User card in the simulator', () => {
  it("calls the Users API with the connection's domain and SSWS token and returns profile attributes", async () => {
    const r = await run(SEED_USER_IDS.whatsapp);
    expect(r).toMatchObject({ ok: true, outputs: { phone: '+14155550100', optIn: true, status: 'ACTIVE' } });
    expect(okta.requests().at(-1)).toMatchObject({
      method: 'GET',
      path: `/api/v1/users/${SEED_USER_IDS.whatsapp}`,
    });
    expect(JSON.stringify(r.trace)).not.toContain(DEFAULT_OKTA_TOKEN);
  });

  it("fails the card with Okta's error summary and status for an unknown user or a bad token", async () => {
    const missing = await run('00unknown');
    expect(missing).toMatchObject({
      ok: false,
      error: {
        statusCode: 404,
        message: 'Not found: Resource not found: 00unknown (User)',
        card: { name: 'Read User' },
      },
    });
    const badToken = await run(SEED_USER_IDS.sms, { domain: 'acme.okta.com', token: 'nope' });
    expect(badToken).toMatchObject({
      ok: false,
      error: { statusCode: 401, message: 'Invalid token provided' },
    });
  });

  it('explains a missing connection', async () => {
    const r = await run(SEED_USER_IDS.sms, null);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('needs "domain" and "token"');
  });
});
