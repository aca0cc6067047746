import { describe, expect, it } from 'vitest';
import { runFlow } from '../../../../src/simulate/index.js';
import { FlowBuilder, fakeTransport, flopackOf } from '../../../helpers/flow-builder.js';

const opts = () => ({ transport: fakeTransport().transport });

function helper() {
  const h = new FlowBuilder('helper');
  const s = h.start(['name', { key: 'parent', group: 'context', type: 'object' }]);
  const c = h.card('string:compose', {
    inputs: [{ key: '_text_', value: 'hi {{{n}}}' }, 'n'],
    outputs: ['output'],
  });
  const g = h.card('object:get', {
    inputs: [
      { key: 'object', type: 'object' },
      { key: 'path', value: 'name' },
    ],
    outputs: ['output'],
  });
  const r = h.ret(['greeting', 'caller']);
  h.pin(s, 'name', c, 'n')
    .pin(s, 'parent', g, 'object')
    .pin(c, 'output', r, 'greeting')
    .pin(g, 'output', r, 'caller')
    .order(s, c, g, r);
  return h;
}

describe('Call Flow', () => {
  it('runs the helper by flo id; inputs by key; outputs mirror the helper Return keys; parent context is set', async () => {
    const h = helper();
    const f = new FlowBuilder('caller');
    const s = f.start(['who']);
    const call = f.card('control:spawn', {
      inputs: [{ key: 'flo', type: 'flo', value: h.id }, 'name'],
      outputs: ['greeting', 'caller'],
      timeout: 300_000,
    });
    const r = f.ret(['greeting', 'caller']);
    f.pin(s, 'who', call, 'name')
      .pin(call, 'greeting', r, 'greeting')
      .pin(call, 'caller', r, 'caller')
      .order(s, call, r);
    const res = await runFlow(flopackOf([h, f]), 'caller', { who: 'ann' }, opts());
    expect(res).toMatchObject({ ok: true, outputs: { greeting: 'hi ann', caller: 'caller' } });
    expect(
      res.trace
        .filter((e) => e.type === 'flow-start')
        .map((e) => [e.type === 'flow-start' && e.flow, e.type === 'flow-start' && e.depth]),
    ).toEqual([
      ['caller', 0],
      ['helper', 1],
    ]);
  });

  it("a helper's Return Error surfaces with its status code", async () => {
    const h = new FlowBuilder('failing');
    const hs = h.start();
    const t = h.card('control:throw', {
      inputs: [
        { key: 'statusCode', type: 'number', value: 404 },
        { key: 'message', value: 'gone' },
      ],
    });
    h.order(hs, t);
    const f = new FlowBuilder('caller');
    const s = f.start();
    const call = f.card('control:spawn', { inputs: [{ key: 'flo', type: 'flo', value: h.id }] });
    f.order(s, call);
    expect(await runFlow(flopackOf([h, f]), 'caller', {}, opts())).toMatchObject({
      ok: false,
      error: { kind: 'return-error', statusCode: 404, message: 'gone', flow: 'failing' },
    });
  });

  it('stops runaway recursion at the call-depth limit', async () => {
    const f = new FlowBuilder('recurse');
    const s = f.start();
    const call = f.card('control:spawn', { inputs: [{ key: 'flo', type: 'flo', value: f.id }] });
    f.order(s, call);
    const r = await runFlow(flopackOf([f]), 'recurse', {}, { ...opts(), maxCallDepth: 5 });
    expect(r).toMatchObject({ ok: false, error: { kind: 'depth-limit', message: /call depth limit of 5/ } });
  });

  it('a missing callee is a bad-flow error naming the id', async () => {
    const f = new FlowBuilder('dangling');
    const s = f.start();
    const call = f.card('control:spawn', { inputs: [{ key: 'flo', type: 'flo', value: 'no-such-flow' }] });
    f.order(s, call);
    expect(await runFlow(flopackOf([f]), 'dangling', {}, opts())).toMatchObject({
      ok: false,
      error: { kind: 'bad-flow', message: /"no-such-flow"/ },
    });
  });

  it('Call Flow Async runs the helper and ignores its failure', async () => {
    const h = new FlowBuilder('async-helper');
    const hs = h.start();
    h.order(hs, h.card('control:throw', { inputs: [{ key: 'message', value: 'x' }] }));
    const f = new FlowBuilder('fire');
    const s = f.start();
    const run = f.card('control:run', { inputs: [{ key: 'flo', type: 'flo', value: h.id }] });
    const r = f.ret(['done']);
    r.card.node.model.inputs.data[r.in('done')]!.value.data = true;
    f.order(s, run, r);
    expect(await runFlow(flopackOf([h, f]), 'fire', {}, opts())).toMatchObject({
      ok: true,
      outputs: { done: true },
    });
  });
});
