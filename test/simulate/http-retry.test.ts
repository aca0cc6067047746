import { describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import { runFlow } from '../../src/simulate/index.js';
import { FlowBuilder, fakeTransport, flopackOf } from '../helpers/flow-builder.js';
import { withSpec } from '../spec/helpers.js';

/** A Raw Request with Connector Builder's HTTP error handling, returning the status it ends with. */
function rawWith(policy: Record<string, unknown>) {
  const f = new FlowBuilder('call');
  const s = f.start([]);
  const raw = f.card('httpfunctions:raw', {
    inputs: [
      { key: 'URL', group: 'Request', value: 'https://x/items' },
      { key: 'Method', group: 'Request', value: 'GET' },
    ],
    outputs: [{ key: 'Status Code', group: 'Response' }],
    policy,
  });
  const r = f.ret(['status']);
  f.pin(raw, 'Status Code', r, 'status').order(s, raw, r);
  return flopackOf([f]);
}

const ratePolicy = { type: 'finish', retry: 3, delay: 60_000, delayMax: 180_000, statuses: [429, 504] };

describe("the HTTP card's retry policy (Connector Builder error handling)", () => {
  it('retries a status it names, waiting on the simulated clock, and returns the answer that ends it', async () => {
    const statuses = [429, 504, 200];
    const { transport, requests } = fakeTransport(() => ({ status: statuses.shift() ?? 500 }));
    const t0 = Date.now();
    let clock = 0;
    const r = await runFlow(
      rawWith(ratePolicy),
      'call',
      {},
      {
        transport,
        sleep: async (ms) => void (clock += ms),
      },
    );
    expect(r).toMatchObject({ ok: true, outputs: { status: 200 } });
    expect(requests).toHaveLength(3);
    expect(clock).toBe(2 * 60_000);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('gives up after `retry` more attempts and returns the last answer as the result', async () => {
    const { transport, requests } = fakeTransport(() => ({ status: 429 }));
    const r = await runFlow(rawWith(ratePolicy), 'call', {}, { transport });
    expect(r).toMatchObject({ ok: true, outputs: { status: 429 } });
    expect(requests).toHaveLength(4);
  });

  it('leaves other statuses alone, and a card without a policy never retries', async () => {
    const a = fakeTransport(() => ({ status: 500 }));
    expect(await runFlow(rawWith(ratePolicy), 'call', {}, { transport: a.transport })).toMatchObject({
      outputs: { status: 500 },
    });
    expect(a.requests).toHaveLength(1);
    const b = fakeTransport(() => ({ status: 429 }));
    await runFlow(rawWith({ type: 'finish' }), 'call', {}, { transport: b.transport });
    expect(b.requests).toHaveLength(1);
  });

  it('never retries more than Okta allows (5), whatever the flopack says', async () => {
    const { transport, requests } = fakeTransport(() => ({ status: 429 }));
    await runFlow(rawWith({ ...ratePolicy, retry: 1e9 }), 'call', {}, { transport });
    expect(requests).toHaveLength(6);
  });
});

describe("httpHelper's HTTP card gets the spec's retry policy", () => {
  const policyOf = (retry?: Parameters<typeof withSpec>[0]) => {
    const spec = withSpec(retry ?? (() => {}));
    const helper = Object.values(generateConnector(spec).flopack.data.flos).find(
      (f) => f.name === 'httpHelper',
    )!;
    return helper.data.methods.find((c) => c.address.endsWith(':raw'))!.node.model.policy.error;
  };

  it("is Connector Builder's default without one: 429 and 504, 3 times, 1 to 3 minutes", () => {
    expect(policyOf()).toEqual(ratePolicy);
  });

  it('follows the spec: specified statuses, all errors, or off', () => {
    expect(policyOf((s) => (s.retry = { on: [503, 429], times: 5, minMinutes: 2, maxMinutes: 4 }))).toEqual({
      type: 'finish',
      retry: 5,
      delay: 120_000,
      delayMax: 240_000,
      statuses: [429, 503],
    });
    const all = policyOf((s) => (s.retry = { on: 'allErrors' })) as { statuses: number[] };
    expect([all.statuses[0], all.statuses.at(-1), all.statuses.length]).toEqual([400, 599, 200]);
    expect(policyOf((s) => (s.retry = { times: 0 }))).toEqual({ type: 'finish' });
  });
});
