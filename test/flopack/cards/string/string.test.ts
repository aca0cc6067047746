import { describe, expect, it } from 'vitest';
import { runFlow } from '../../../../src/simulate/index.js';
import { FlowBuilder, fakeTransport, flopackOf, runSingle, single } from '../../../helpers/flow-builder.js';

const opts = () => ({ transport: fakeTransport().transport });

const out = runSingle;

describe('string cards', () => {
  it('Compose fills {{{key}}} placeholders from the inputs with those keys', async () => {
    const f = new FlowBuilder('compose');
    const s = f.start(['to', 'n']);
    const c = f.card('string:compose', {
      inputs: [{ key: '_text_', value: 'To={{{k1}}}&N={{{k2}}}&X={{{k3}}}' }, 'k1', 'k2', 'k3'],
      outputs: ['output'],
    });
    const r = f.ret(['text']);
    f.pin(s, 'to', c, 'k1').pin(s, 'n', c, 'k2').pin(c, 'output', r, 'text').order(s, c, r);
    const res = await runFlow(flopackOf([f]), 'compose', { to: '+1555', n: 7 }, opts());
    // k3 is neither pinned nor typed: empty text (looseNulls).
    expect(res).toMatchObject({ ok: true, outputs: { text: 'To=+1555&N=7&X=' } });
  });

  it('Concatenate joins all text inputs in order', async () => {
    expect(await out('string:concat', { string1: 'Basic ', string2: 'abc', string3: 1 })).toEqual({
      output: 'Basic abc1',
    });
  });

  it('Base64 encodes UTF-8 text and Base64 Decode reverses it', async () => {
    expect(await out('string:base64', { string: 'AC1:sécret' })).toEqual({
      output: Buffer.from('AC1:sécret').toString('base64'),
    });
    expect(await out('string:base64Decode', { string: 'QUMxOnB3' })).toEqual({ output: 'AC1:pw' });
  });

  it('Base64 Decode of non-base64 text fails the card', async () => {
    const s = single('string:base64Decode', { string: 'not base64!' });
    const r = await runFlow(s.flopack, s.flow, s.inputs, opts());
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'card-failed', card: { address: 'root:kernel:string:0.0.1:base64Decode' } },
    });
  });

  it('Split, To Lower Case, Trim', async () => {
    expect(await out('string:split', { string: 'a@b.com', delimiter: '@' })).toEqual({
      output: ['a', 'b.com'],
    });
    expect(await out('string:toLowerCase', { string: 'SuPPort' })).toEqual({ output: 'support' });
    expect(await out('string:trim', { string: '  x ' })).toEqual({ output: 'x' });
  });

  it('Find gives the 0-based position or -1', async () => {
    expect(await out('string:find', { string: '/Accounts.json', substr: '/' })).toEqual({ output: 0 });
    expect(await out('string:find', { string: 'Accounts.json', substr: '/' })).toEqual({ output: -1 });
  });
});
