import { describe, expect, it } from 'vitest';
import { REDACTED, runFlow, type TraceEvent } from '../../src/simulate/index.js';
import { FlowBuilder, fakeTransport, flopackOf } from '../helpers/flow-builder.js';

const opts = () => ({ transport: fakeTransport().transport });

function chain() {
  const f = new FlowBuilder('chain');
  const s = f.start(['name', 'password']);
  const c = f.card('string:compose', {
    name: 'Greet',
    inputs: [{ key: '_text_', value: 'hello {{{n}}}' }, 'n'],
    outputs: ['output'],
  });
  const u = f.card('string:toUpperCase', { name: 'Shout', inputs: ['string'], outputs: ['output'] });
  const r = f.ret(['text']);
  f.pin(s, 'name', c, 'n').pin(c, 'output', u, 'string').pin(u, 'output', r, 'text').order(s, c, u, r);
  return flopackOf([f]);
}

describe('interpreter', () => {
  it('follows the orderings and records a trace of every card with inputs and outputs', async () => {
    const events: TraceEvent[] = [];
    const r = await runFlow(
      chain(),
      'chain',
      { name: 'ann', password: 'hunter2' },
      { ...opts(), onEvent: (e) => events.push(e) },
    );
    expect(r).toMatchObject({ ok: true, outputs: { text: 'HELLO ANN' }, steps: 4 });
    expect(events).toEqual(r.trace);
    expect(
      r.trace.map((e) => (e.type === 'card' ? `${e.card}:${JSON.stringify(e.outputs)}` : e.type)),
    ).toEqual([
      'flow-start',
      `Helper Flow:${JSON.stringify({ execution_id: 'sim-1', name: 'ann', password: REDACTED })}`,
      'Greet:{"output":"hello ann"}',
      'Shout:{"output":"HELLO ANN"}',
      'Return:{"text":"HELLO ANN"}',
      'flow-end',
    ]);
    expect(JSON.stringify(r.trace)).not.toContain('hunter2');
  });

  it('is deterministic: same input, same outputs and trace shape', async () => {
    const strip = (t: TraceEvent[]) => JSON.stringify(t.map((e) => ({ ...e, ms: 0 })));
    const fp = chain();
    const a = await runFlow(fp, 'chain', { name: 'x' }, opts());
    const b = await runFlow(fp, 'chain', { name: 'x' }, opts());
    expect(strip(a.trace)).toBe(strip(b.trace));
  });

  it('collects no trace when asked not to', async () => {
    const r = await runFlow(chain(), 'chain', { name: 'x' }, { ...opts(), collectTrace: false });
    expect(r).toMatchObject({ ok: true, trace: [] });
  });

  it('stops at the step limit', async () => {
    expect(await runFlow(chain(), 'chain', {}, { ...opts(), maxSteps: 2 })).toMatchObject({
      ok: false,
      steps: 3,
      error: { kind: 'step-limit', card: { name: 'Shout' } },
    });
  });

  it('an unsupported card fails with its name, address and flow (never a crash)', async () => {
    const f = new FlowBuilder('uses okta');
    const s = f.start();
    const u = f.card('okta:readUser', { name: 'Read User', inputs: ['ID or Login'] });
    f.order(s, u);
    const r = await runFlow(flopackOf([f]), 'uses okta', {}, opts());
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'unsupported-card',
        flow: 'uses okta',
        card: { name: 'Read User', uuid: u.uuid, address: 'root:channels:http:okta:1.0.0:readUser' },
      },
    });
    expect(r.ok || r.error.message).toMatch(
      /Read User.*root:channels:http:okta:1\.0\.0:readUser.*"uses okta".*not supported/,
    );
  });

  it('extraCards add handlers by address tail (e.g. a connector card)', async () => {
    const f = new FlowBuilder('uses okta');
    const s = f.start(['id']);
    const u = f.card('okta:readUser', {
      inputs: [{ key: 'ID or Login', group: 'User' }],
      outputs: [{ key: 'mobilePhone', group: 'Profile Properties' }],
    });
    const r = f.ret(['phone']);
    f.pin(s, 'id', u, 'ID or Login').pin(u, 'mobilePhone', r, 'phone').order(s, u, r);
    const res = await runFlow(
      flopackOf([f]),
      'uses okta',
      { id: '00u1' },
      {
        ...opts(),
        extraCards: {
          'okta:readUser': (ctx) => ({ outputs: { mobilePhone: `+1-${String(ctx.inputs['ID or Login'])}` } }),
        },
      },
    );
    expect(res).toMatchObject({ ok: true, outputs: { phone: '+1-00u1' } });
  });

  it('enforces card timeouts (model.timeout) on asynchronous cards', async () => {
    const f = new FlowBuilder('slow');
    const s = f.start();
    const u = f.card('acme:slow', { name: 'Slow', timeout: 20 });
    f.order(s, u);
    const r = await runFlow(
      flopackOf([f]),
      'slow',
      {},
      { ...opts(), extraCards: { 'acme:slow': () => new Promise(() => undefined) } },
    );
    expect(r).toMatchObject({ ok: false, error: { kind: 'timeout', message: 'Slow timed out after 20 ms' } });
  });

  it('a handler bug becomes a card failure, not a crash', async () => {
    const f = new FlowBuilder('buggy');
    const s = f.start();
    f.order(s, f.card('acme:bug', { name: 'Bug' }));
    const r = await runFlow(
      flopackOf([f]),
      'buggy',
      {},
      {
        ...opts(),
        extraCards: {
          'acme:bug': () => {
            throw new TypeError('x is undefined');
          },
        },
      },
    );
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'card-failed', message: 'Bug: x is undefined', card: { name: 'Bug' } },
    });
  });

  it('reports unknown flows and cyclic orderings as bad-flow', async () => {
    expect(await runFlow(chain(), 'nope', {}, opts())).toMatchObject({
      ok: false,
      error: { kind: 'bad-flow', message: 'flow "nope" is not in the flopack (flows: "chain")' },
    });
    const f = new FlowBuilder('cycle');
    const s = f.start();
    const a = f.card('control:noop');
    const b = f.card('control:noop');
    f.order(s, a, b, a);
    expect(await runFlow(flopackOf([f]), 'cycle', {}, opts())).toMatchObject({
      ok: false,
      error: { kind: 'bad-flow', message: /cycle/ },
    });
  });

  it('finds flows by id, by name and by name ignoring case', async () => {
    const fp = chain();
    const id = Object.keys(fp.data.flos)[0]!;
    for (const ref of [id, 'chain', 'CHAIN'])
      expect(await runFlow(fp, ref, { name: 'a' }, opts())).toMatchObject({ ok: true });
  });

  it('does not mutate the flopack', async () => {
    const fp = chain();
    const before = JSON.stringify(fp);
    await runFlow(fp, 'chain', { name: 'a' }, opts());
    expect(JSON.stringify(fp)).toBe(before);
  });

  it('keeps derived credentials (Concatenate -> Base64 -> "Basic ...") out of every trace event', async () => {
    const f = new FlowBuilder('basic auth');
    const s = f.start([{ key: 'auth', type: 'object' }]);
    const x = f.card('object:expand', {
      inputs: [{ key: 'object', type: 'object' }],
      outputs: [
        { key: 'value', group: 'u', path: ['username'] },
        { key: 'value', group: 'p', path: ['password'] },
      ],
    });
    const pair = f.card('string:concat', {
      name: 'user:pass',
      inputs: ['string1', { key: 'string2', value: ':' }, 'string3'],
      outputs: ['output'],
    });
    const b64 = f.card('string:base64', { inputs: ['string'], outputs: ['output'] });
    const basic = f.card('string:concat', {
      name: 'Basic',
      inputs: [{ key: 'string1', value: 'Basic ' }, 'string2'],
      outputs: ['output'],
    });
    const raw = f.card('httpfunctions:raw', {
      inputs: [
        { key: 'URL', group: 'Request', value: 'https://api.example/' },
        { key: 'Method', group: 'Request', value: 'POST' },
        { key: 'Headers', group: 'Request', type: 'object' },
        { key: 'Body', group: 'Request' },
      ],
      outputs: [{ key: 'Status Code', group: 'Response' }],
    });
    const hdrs = f.card('object:construct', { inputs: ['X-Auth'], outputs: ['output'] });
    f.pin(s, 'auth', x, 'object');
    x.card.pins[x.out('value', 'u')] = { [pair.uuid]: [{ input: pair.in('string1'), transform: null }] };
    x.card.pins[x.out('value', 'p')] = {
      [pair.uuid]: [{ input: pair.in('string3'), transform: null }],
      [raw.uuid]: [{ input: raw.in('Body'), transform: null }],
    };
    f.pin(pair, 'output', b64, 'string')
      .pin(b64, 'output', basic, 'string2')
      .pin(basic, 'output', hdrs, 'X-Auth')
      .pin(hdrs, 'output', raw, 'Headers');
    f.order(s, x, pair, b64, basic, hdrs, raw);
    const { transport, requests } = fakeTransport(() => ({ status: 200 }));
    const r = await runFlow(
      flopackOf([f]),
      'basic auth',
      { auth: { username: 'SKuser', password: 'hunter2secret' } },
      { transport },
    );
    expect(r.ok).toBe(true);
    const b = Buffer.from('SKuser:hunter2secret').toString('base64');
    expect(requests[0]!.headers['X-Auth']).toBe(`Basic ${b}`); // the real request carries it
    const t = JSON.stringify(r.trace);
    for (const secret of ['hunter2secret', b, 'SKuser:hunter2secret']) expect(t).not.toContain(secret);
    expect(t).toContain('SKuser'); // the username is not a secret
  });
});
