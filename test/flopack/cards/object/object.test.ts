import { describe, expect, it } from 'vitest';
import { runFlow } from '../../../../src/simulate/index.js';
import { FlowBuilder, fakeTransport, flopackOf, runSingle } from '../../../helpers/flow-builder.js';

const opts = () => ({ transport: fakeTransport().transport });

const out = runSingle;

describe('object cards', () => {
  it('Construct builds nested objects and lists from dotted keys (as the inline-hook templates do)', async () => {
    expect(
      await out('object:construct', {
        'commands.0.type': 'com.okta.action.update',
        'commands.0.value.registration': 'ALLOW',
        plain: 1,
      }),
    ).toEqual({
      output: { commands: [{ type: 'com.okta.action.update', value: { registration: 'ALLOW' } }], plain: 1 },
    });
  });

  it('Merge combines objects, later keys winning; non-objects are ignored', async () => {
    expect(await out('object:merge', { start: { a: 1, b: 1 }, sink: { b: 2 }, other: 'x' })).toEqual({
      output: { a: 1, b: 2 },
    });
  });

  it('Get follows a dotted path through objects and lists', async () => {
    expect(
      await out('object:get', { object: { data: { events: [{ id: 'e1' }] } }, path: 'data.events.0.id' }),
    ).toEqual({ output: 'e1' });
    expect(await out('object:get', { object: { a: 1 }, path: 'b.c' })).toEqual({ output: null });
  });

  it('Get Multiple reads one path per output key', async () => {
    expect(await out('object:pick', { object: [{ id: 1, type: 'dog' }] }, ['0.id', '0.type'])).toEqual({
      '0.id': 1,
      '0.type': 'dog',
    });
  });

  it('Set returns a copy with the path set, leaving the input untouched', async () => {
    const obj = { a: { b: 1 } };
    expect(await out('object:set', { object: obj, path: 'a.c', value: 2 })).toEqual({
      output: { a: { b: 1, c: 2 } },
    });
    expect(obj).toEqual({ a: { b: 1 } });
  });

  it('the hidden object:expand card feeds dotted paths (key/value output pairs)', async () => {
    const f = new FlowBuilder('expand');
    const s = f.start([{ key: 'body', type: 'object' }]);
    const x = f.card('object:expand', {
      inputs: [{ key: 'object', type: 'object' }],
      outputs: [
        { key: 'key', group: 'g1', path: ['sid'], collection: true, value: ['sid'] },
        { key: 'value', group: 'g1', path: ['sid'] },
        {
          key: 'key',
          group: 'g2',
          path: ['error', 'message'],
          collection: true,
          value: ['error', 'message'],
        },
        { key: 'value', group: 'g2', path: ['error', 'message'] },
      ],
    });
    const r = f.ret(['sid', 'msg']);
    f.pin(s, 'body', x, 'object');
    x.card.pins[x.out('value', 'g1')] = { [r.uuid]: [{ input: r.in('sid'), transform: null }] };
    x.card.pins[x.out('value', 'g2')] = { [r.uuid]: [{ input: r.in('msg'), transform: null }] };
    f.order(s, x, r).order(x, x); // real exports carry a self-loop on expand cards
    const res = await runFlow(
      flopackOf([f]),
      'expand',
      { body: { sid: 'SM1', error: { message: 'bad' } } },
      opts(),
    );
    expect(res).toMatchObject({ ok: true, outputs: { sid: 'SM1', msg: 'bad' } });
  });

  it('Clear Empty drops keys with empty values', async () => {
    expect(
      await out('object:clearEmpty', {
        object: { To: '+1', PageSize: null, From: '', L: [], O: {}, Zero: 0, F: false },
      }),
    ).toEqual({
      output: { To: '+1', Zero: 0, F: false },
    });
  });
});
