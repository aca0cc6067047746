import { describe, expect, it } from 'vitest';
import { runFlow } from '../../src/simulate/index.js';
import { applyTransform } from '../../src/simulate/pins.js';
import { FlowBuilder, fakeTransport, flopackOf } from '../helpers/flow-builder.js';

describe('pin transforms (reference §1.6)', () => {
  it.each([
    ['parse', '{"a":1}', { a: 1 }],
    ['parse', 'not json', null],
    ['stringify', { a: 1 }, '{"a":1}'],
    ['stringify', 'text', 'text'],
    ['toString', 12, '12'],
    ['parseFloat', '12.5', 12.5],
    ['parseFloat', 'abc', null],
    ['wrapArray', 'x', ['x']],
    ['wrapArray', ['x'], ['x']],
    ['booleanToString', true, 'true'],
    ['isoString', 0, '1970-01-01T00:00:00.000Z'],
    ['dateTime', '2024-03-01T10:00:00Z', '2024-03-01T10:00:00.000Z'],
  ])('%s(%j) = %j', (convert, input, want) => {
    expect(applyTransform(input, convert, false)).toEqual(want);
  });

  it('forceWrapArray wraps the converted value', () => {
    expect(applyTransform('{"a":1}', 'parse', true)).toEqual([{ a: 1 }]);
  });

  it('a transform on a pin converts the value on its way (API Endpoint body text -> object)', async () => {
    const f = new FlowBuilder('transform');
    const s = f.start(['body']);
    const g = f.card('object:pick', {
      inputs: [{ key: 'object', type: 'object' }],
      outputs: ['data.userProfile.login'],
    });
    const r = f.ret(['login']);
    f.pin(s, 'body', g, 'object', 'parse').pin(g, 'data.userProfile.login', r, 'login').order(s, g, r);
    const res = await runFlow(
      flopackOf([f]),
      'transform',
      { body: '{"data":{"userProfile":{"login":"a@b.com"}}}' },
      { transport: fakeTransport().transport },
    );
    expect(res).toMatchObject({ ok: true, outputs: { login: 'a@b.com' } });
  });
});
