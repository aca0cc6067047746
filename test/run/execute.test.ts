import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { startMockTwilio, type MockTwilio } from '../../src/mock/twilio/index.js';
import { mockConnection } from '../../src/run/embedded-mock.js';
import { originsToRewrite, runTargetFlow, staticOrigin } from '../../src/run/execute.js';
import { selectFlow } from '../../src/run/select.js';
import { loadTarget, type Target } from '../../src/run/target.js';
import type { Card, Flopack } from '../../src/flopack/types.js';

const SPEC = 'connectors/twilio/connector.yaml';
let mock: MockTwilio;
let target: Target;

beforeAll(async () => {
  mock = await startMockTwilio({ host: '127.0.0.1', port: 0 });
  target = await loadTarget(SPEC, process.cwd());
});
afterAll(async () => mock.close());
beforeEach(() => mock.reset());

function card(flopack: Flopack, flowName: string, cardName: string): Card {
  const flo = Object.values(flopack.data.flos).find((f) => f.name === flowName);
  const found = flo?.data.methods.find((m) => m.node.data.name === cardName);
  if (!found) throw new Error(`no card "${cardName}" in "${flowName}"`);
  return found;
}

async function send(t: Target, inputs = { to: '+14155550100', body: 'original' }) {
  return runTargetFlow({
    target: t,
    flow: selectFlow(t, { action: 'Send Message' }),
    options: { from: '+15005550006' },
    inputs,
    connection: await mockConnection(),
    serverUrl: mock.url,
  });
}

describe('runTargetFlow', () => {
  it('runs the generated Send Message flow against the mock through an origin rewrite', async () => {
    const result = await send(target);
    expect(result.ok).toBe(true);
    const [req] = mock.requests();
    expect(req?.path).toBe('/2010-04-01/Accounts/AC11111111111111111111111111111111/Messages.json');
    expect(req?.form).toMatchObject({ To: '+14155550100', From: '+15005550006', Body: 'original' });
    // The artifact still names the real service: the rewrite happened in the transport.
    expect(JSON.stringify(target.flopack)).toContain('https://api.twilio.com/2010-04-01/Accounts/');
  });

  it('runs the artifact: editing a Compose card text changes the request', async () => {
    const edited: Target = { ...target, flopack: structuredClone(target.flopack) };
    const compose = card(edited.flopack, 'Send Message', 'Compose form body');
    const text = Object.values(compose.node.model.inputs.data).find((f) => f.key === '_text_');
    expect(typeof text?.value.data).toBe('string');
    text!.value.data = `${String(text!.value.data)}&StatusCallback=http%3A%2F%2F127.0.0.1%3A9%2Fedited`;
    expect((await send(edited)).ok).toBe(true);
    expect(mock.requests()[0]?.form?.StatusCallback).toBe('http://127.0.0.1:9/edited');
    // The original artifact is untouched.
    mock.reset();
    await send(target);
    expect(mock.requests()[0]?.form?.StatusCallback).toBeUndefined();
  });

  it('runs the artifact: re-pinning the Body encoder to the To input changes the request', async () => {
    const edited: Target = { ...target, flopack: structuredClone(target.flopack) };
    const start = card(edited.flopack, 'Send Message', 'Helper Flow');
    const encodeBody = card(edited.flopack, 'Send Message', 'Encode body');
    const outputs = Object.values(start.node.model.outputs.data);
    const bodyOut = outputs.find((f) => f.key === 'body')!.id;
    const toOut = outputs.find((f) => f.key === 'to')!.id;
    const pins = start.pins[bodyOut]![encodeBody.uuid]!;
    delete start.pins[bodyOut]![encodeBody.uuid];
    start.pins[toOut]![encodeBody.uuid] = pins;
    expect((await send(edited)).ok).toBe(true);
    expect(mock.requests()[0]?.form?.Body).toBe('+14155550100');
  });

  it('fills the connection as Connector Builder does: a flow built without wiring auth through Call Flow runs', async () => {
    // What a person builds by the sheet: the Call Flow card passes no connection; httpHelper's Auth section is filled
    // by the platform. Cut the `auth` input (and the pins into it) from every Call Flow of the artifact.
    const edited: Target = { ...target, flopack: structuredClone(target.flopack) };
    let cut = 0;
    for (const flo of Object.values(edited.flopack.data.flos)) {
      const cards = flo.data.methods;
      for (const call of cards.filter((c) => c.node.key === 'spawn')) {
        const inputs = call.node.model.inputs.data;
        const [id] = Object.entries(inputs).find(([, f]) => f.key === 'auth') ?? [];
        if (!id) continue;
        delete inputs[id];
        for (const producer of cards)
          for (const byTarget of Object.values(producer.pins)) {
            const pins = byTarget[call.uuid];
            if (pins) byTarget[call.uuid] = pins.filter((p) => p.input !== id);
          }
        cut++;
      }
    }
    expect(cut).toBeGreaterThanOrEqual(7);
    const result = await send(edited);
    expect(result.ok).toBe(true);
    expect(mock.requests()[0]?.authUser).toBe((await mockConnection()).username);
  });

  it('refuses requests to any origin other than the chosen server', async () => {
    const edited: Target = { ...target, flopack: structuredClone(target.flopack) };
    const helper = card(edited.flopack, 'httpHelper', 'Compose URL');
    const text = Object.values(helper.node.model.inputs.data).find((f) => f.key === '_text_')!;
    text.value.data = String(text.value.data).replace('https://api.twilio.com', 'https://example.invalid');
    const result = await send(edited);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(
        /only talks to http:\/\/127\.0\.0\.1:\d+; refused POST https:\/\/example\.invalid/,
      );
    expect(mock.requests()).toHaveLength(0);
  });
});

describe('origins', () => {
  it('rewrites the spec base URL origin and api.twilio.com', () => {
    expect(staticOrigin('https://api.twilio.com/2010-04-01/Accounts/${connection.accountSid}')).toBe(
      'https://api.twilio.com',
    );
    expect(staticOrigin('https://${connection.domain}.okta.com/api')).toBeUndefined();
    expect(originsToRewrite(target)).toEqual(['https://api.twilio.com']);
  });
});
