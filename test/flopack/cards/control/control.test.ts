import { describe, expect, it } from 'vitest';
import { runFlow } from '../../../../src/simulate/index.js';
import { FlowBuilder, fakeTransport, flopackOf } from '../../../helpers/flow-builder.js';

const opts = () => ({ transport: fakeTransport().transport });
const CMP = [
  { key: 'left-operand', type: '*' },
  { key: 'operator', value: '==' },
  { key: 'right-operand', type: '*' },
];

describe('control cards', () => {
  it('the mirrored start card echoes inputs (by key or label) to outputs with different ids; Return gives outputs', async () => {
    const f = new FlowBuilder('echo');
    const s = f.start([{ key: 'a' }, { key: 'b7Xk', displayname: 'Nice Label' }]);
    const r = f.ret(['x', 'y']);
    f.pin(s, 'a', r, 'x').pin(s, 'b7Xk', r, 'y').order(s, r);
    expect(s.in('a')).not.toBe(s.out('a'));
    const res = await runFlow(flopackOf([f]), 'echo', { a: 1, 'Nice Label': 'two' }, opts());
    expect(res).toMatchObject({ ok: true, outputs: { x: 1, y: 'two' }, steps: 2 });
  });

  it('Return Raw fills raw {statusCode, headers, body}', async () => {
    const f = new FlowBuilder('raw');
    const s = f.start(['text']);
    const rr = f.card('control:returnRaw', {
      inputs: [
        { key: 'statusCode', type: 'number', value: 200 },
        { key: 'headers', type: 'object', value: { 'Content-Type': 'application/json' } },
        'body',
      ],
      mirrored: true,
    });
    f.pin(s, 'text', rr, 'body').order(s, rr);
    const res = await runFlow(flopackOf([f]), 'raw', { text: '{"ok":true}' }, opts());
    expect(res).toMatchObject({
      ok: true,
      raw: { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: '{"ok":true}' },
    });
  });

  it('Assign echoes its inputs; Assign If picks valueIfTrue/valueIfFalse', async () => {
    const f = new FlowBuilder('assign');
    const s = f.start([{ key: 'n', type: 'number' }]);
    const let_ = f.card('control:let', { inputs: [{ key: 'msg', value: 'hello' }], mirrored: true });
    const ai = f.card('control:assignIf', {
      inputs: [
        { key: 'left-operand', type: 'number' },
        { key: 'operator', value: '>' },
        { key: 'right-operand', value: '10' },
        { key: 'valueIfTrue', value: 'big' },
        { key: 'valueIfFalse', value: 'small' },
      ],
      outputs: ['output'],
    });
    const r = f.ret(['msg', 'size']);
    f.pin(s, 'n', ai, 'left-operand')
      .pin(let_, 'msg', r, 'msg')
      .pin(ai, 'output', r, 'size')
      .order(s, let_, ai, r);
    expect(await runFlow(flopackOf([f]), 'assign', { n: 11 }, opts())).toMatchObject({
      ok: true,
      outputs: { msg: 'hello', size: 'big' },
    });
    expect(await runFlow(flopackOf([f]), 'assign', { n: '3' }, opts())).toMatchObject({
      ok: true,
      outputs: { size: 'small' },
    });
  });

  it('Continue If stops the flow quietly (ok, no outputs, later cards do not run)', async () => {
    const f = new FlowBuilder('continue');
    const s = f.start(['v']);
    const ci = f.card('control:continueIf', {
      inputs: [...CMP, { key: 'message', group: 'otherwise', value: 'nope' }],
      outputs: ['message'],
    });
    ci.card.node.model.inputs.data[ci.in('right-operand')]!.value.data = 'go';
    const r = f.ret(['v']);
    f.pin(s, 'v', ci, 'left-operand').pin(s, 'v', r, 'v').order(s, ci, r);
    const stopped = await runFlow(flopackOf([f]), 'continue', { v: 'stop' }, opts());
    expect(stopped).toMatchObject({ ok: true, outputs: {}, steps: 2 });
    expect(await runFlow(flopackOf([f]), 'continue', { v: 'go' }, opts())).toMatchObject({
      ok: true,
      outputs: { v: 'go' },
      steps: 3,
    });
  });

  it('Comment and Noop do nothing but count as steps', async () => {
    const f = new FlowBuilder('noops');
    const s = f.start();
    const c = f.card('control:comment');
    const n = f.card('control:noop');
    f.order(s, c, n);
    expect(await runFlow(flopackOf([f]), 'noops', {}, opts())).toMatchObject({
      ok: true,
      outputs: {},
      steps: 3,
    });
  });
});
