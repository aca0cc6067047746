import { describe, expect, it } from 'vitest';
import { runFlow } from '../../../../src/simulate/index.js';
import { fakeTransport, single } from '../../../helpers/flow-builder.js';

const opts = () => ({ transport: fakeTransport().transport });

describe('json cards', () => {
  it('Parse turns JSON text into a value', async () => {
    const s = single('json:parse', { string: '{"a":[1,2]}' });
    expect(await runFlow(s.flopack, s.flow, s.inputs, opts())).toMatchObject({
      ok: true,
      outputs: { output: { a: [1, 2] } },
    });
  });

  it('Parse of invalid JSON fails the card with its name', async () => {
    const s = single('json:parse', { string: '{oops' });
    const r = await runFlow(s.flopack, s.flow, s.inputs, opts());
    expect(r).toMatchObject({ ok: false, error: { kind: 'card-failed', card: { name: 'parse' } } });
    expect(r.ok || r.error.message).toMatch(/JSON Parse: invalid JSON/);
  });

  it('Stringify writes compact JSON', async () => {
    const s = single('json:stringify', { object: { a: 'x', b: [true] } });
    expect(await runFlow(s.flopack, s.flow, s.inputs, opts())).toMatchObject({
      ok: true,
      outputs: { output: '{"a":"x","b":[true]}' },
    });
  });
});
