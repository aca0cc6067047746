import { describe, expect, it } from 'vitest';
import { runFlow } from '../../../../src/simulate/index.js';
import { FlowBuilder, fakeTransport, flopackOf } from '../../../helpers/flow-builder.js';

const CMP = (op: string) => [
  { key: 'left-operand', type: '*' },
  { key: 'operator', value: op },
  { key: 'right-operand', type: '*' },
];

describe('Return Error / Return Error If', () => {
  it('Return Error ends the flow with its status code and message', async () => {
    const f = new FlowBuilder('throw');
    const s = f.start();
    const t = f.card('control:throw', {
      name: 'Return Error',
      inputs: [
        { key: 'statusCode', type: 'number', value: 502 },
        { key: 'message', value: 'upstream down' },
      ],
    });
    f.order(s, t);
    const r = await runFlow(flopackOf([f]), 'throw', {}, { transport: fakeTransport().transport });
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'return-error',
        statusCode: 502,
        message: 'upstream down',
        flow: 'throw',
        card: { name: 'Return Error', uuid: t.uuid },
      },
    });
  });

  it('Return Error If fails only when the comparison holds (is empty -> 400, the Connector Builder pattern)', async () => {
    const f = new FlowBuilder('throwIf');
    const s = f.start(['Relative URL']);
    const t = f.card('control:throwIf', {
      inputs: [
        ...CMP('is empty'),
        { key: 'message', value: 'No Relative URL input provided. Enter a valid Relative URL.' },
        { key: 'statusCode', type: 'number', value: 400 },
      ],
    });
    const r = f.ret(['ok']);
    r.card.node.model.inputs.data[r.in('ok')]!.value.data = 'yes';
    f.pin(s, 'Relative URL', t, 'left-operand').order(s, t, r);
    const fp = flopackOf([f]);
    const o = { transport: fakeTransport().transport };
    expect(await runFlow(fp, 'throwIf', { 'Relative URL': '' }, o)).toMatchObject({
      ok: false,
      error: { kind: 'return-error', statusCode: 400, message: /No Relative URL/ },
    });
    expect(await runFlow(fp, 'throwIf', { 'Relative URL': '/x' }, o)).toMatchObject({
      ok: true,
      outputs: { ok: 'yes' },
    });
  });
});

/**
 * If Error: the Try flow posts to a URL passed in through a wormhole; on failure the error flow gets `error`
 * (with the HTTP body) plus its own wormhole, and both branches return `Response` (reference §1.9/§1.10).
 */
function ifErrorFlow() {
  const tryB = new FlowBuilder('try');
  const ts = tryB.start([{ key: 'wUrl', group: 'context', wormhole: 'tc1' }]);
  const post = tryB.card('httpfunctions:post', {
    name: 'Post',
    inputs: [
      { key: 'URL', group: 'Request' },
      { key: 'Body', group: 'Request', value: 'a=1' },
    ],
    outputs: [
      { key: 'Status Code', group: 'Response' },
      { key: 'Body', group: 'Response', type: 'object' },
    ],
  });
  const tr = tryB.ret(['Response']);
  tryB.pin(ts, 'wUrl', post, 'URL').pin(post, 'Status Code', tr, 'Response').order(ts, post, tr);

  const errB = new FlowBuilder('error');
  const es = errB.start([
    { key: 'error', group: 'context', type: 'object' },
    { key: 'wWho', group: 'context', wormhole: 'tc1' },
  ]);
  const x = errB.card('object:expand', {
    inputs: [{ key: 'object', type: 'object' }],
    outputs: [{ key: 'value', group: 'g', path: ['body', 'message'] }],
  });
  const c = errB.card('string:compose', {
    inputs: [{ key: '_text_', value: '{{{who}}}: {{{why}}} ({{{m}}})' }, 'who', 'why', 'm'],
    outputs: ['output'],
  });
  const er = errB.ret(['Response']);
  errB
    .pin(es, 'error', x, 'object')
    .pin(es, 'wWho', c, 'who')
    .pin(x, 'value', c, 'why')
    .pin(c, 'output', er, 'Response');
  errB.order(es, x, c, er).order(es, c);
  // The error object's `method` through a second expand-free path: pin error -> compose m via stringify transform.
  errB.pin(es, 'error', c, 'm', 'stringify');

  const f = new FlowBuilder('if-error');
  const s = f.start(['url', 'who']);
  const tc = f.card('control:tryCatch', {
    uuid: 'tc1',
    name: 'If Error',
    inputs: [
      { key: 'flo', type: 'flo', value: tryB.inline() },
      { key: 'wUrl', group: 'context', wormhole: ts.uuid },
      { key: 'wWho', group: 'context', wormhole: es.uuid },
    ],
    outputs: ['Response'],
    policy: { type: 'handler', merge: 'join', flo: errB.inline() },
    timeout: 300_000,
  });
  const r = f.ret(['Response']);
  f.pin(s, 'url', tc, 'wUrl').pin(s, 'who', tc, 'wWho').pin(tc, 'Response', r, 'Response').order(s, tc, r);
  return flopackOf([f]);
}

describe('If Error', () => {
  it('returns the Try branch outputs when nothing fails', async () => {
    const { transport, requests } = fakeTransport(() => ({ status: 201, body: '{"sid":"SM1"}' }));
    const r = await runFlow(
      ifErrorFlow(),
      'if-error',
      { url: 'https://api.example/x', who: 'bob' },
      { transport },
    );
    expect(r).toMatchObject({ ok: true, outputs: { Response: 201 } });
    expect(requests.map((q) => q.url)).toEqual(['https://api.example/x']);
  });

  it('runs the error flow with error {message, method, flo, execution, body} and wormholes', async () => {
    const { transport } = fakeTransport(() => ({
      status: 400,
      body: '{"code":21211,"message":"Invalid To"}',
    }));
    const r = await runFlow(
      ifErrorFlow(),
      'if-error',
      { url: 'https://api.example/x', who: 'bob' },
      { transport },
    );
    expect(r.ok).toBe(true);
    const text = r.ok ? String(r.outputs['Response']) : '';
    expect(text.startsWith('bob: Invalid To (')).toBe(true);
    const error = JSON.parse(text.slice('bob: Invalid To ('.length, -1));
    expect(error).toMatchObject({
      message: 'Post: HTTP 400: Invalid To',
      method: 'Post',
      flo: 'if-error › If Error › try',
      statusCode: 400,
      body: { code: 21211, message: 'Invalid To' },
    });
    expect(error.execution).toMatch(/^sim-\d+$/);
  });

  it('does not catch limits: a step limit inside Try fails the whole flow', async () => {
    const { transport } = fakeTransport(() => ({ status: 201 }));
    const r = await runFlow(
      ifErrorFlow(),
      'if-error',
      { url: 'https://api.example/x' },
      { transport, maxSteps: 3 },
    );
    expect(r).toMatchObject({ ok: false, error: { kind: 'step-limit' } });
  });
});

describe('retry policy', () => {
  it('{type:"finish", retry, delay} retries a failing card using the injected sleep', async () => {
    const f = new FlowBuilder('retry');
    const s = f.start();
    const raw = f.card('httpfunctions:raw', {
      inputs: [
        { key: 'URL', group: 'Request', value: 'https://api.example/r' },
        { key: 'Method', group: 'Request', value: 'GET' },
      ],
      outputs: [{ key: 'Status Code', group: 'Response' }],
      policy: { type: 'finish', retry: 3, delay: 120_000 },
    });
    const r = f.ret(['status']);
    f.pin(raw, 'Status Code', r, 'status').order(s, raw, r);
    let calls = 0;
    const sleeps: number[] = [];
    const transport = async () => {
      if (++calls < 3) throw new Error('ECONNRESET');
      return { status: 200, headers: {}, body: '' };
    };
    const res = await runFlow(
      flopackOf([f]),
      'retry',
      {},
      { transport, sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(res).toMatchObject({ ok: true, outputs: { status: 200 } });
    expect(sleeps).toEqual([120_000, 120_000]);
    const attempts = res.trace.flatMap((e) => (e.type === 'http' ? [e.attempt] : []));
    expect(attempts).toEqual([1, 2, 3]);

    calls = -10;
    const failed = await runFlow(flopackOf([f]), 'retry', {}, { transport, sleep: async () => undefined });
    expect(failed).toMatchObject({ ok: false, error: { kind: 'card-failed', message: /ECONNRESET/ } });
    expect(failed.trace.filter((e) => e.type === 'http')).toHaveLength(4);
  });
});
