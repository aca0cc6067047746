import { describe, expect, it } from 'vitest';
import { runFlow } from '../../../../src/simulate/index.js';
import { fakeTransport, single } from '../../../helpers/flow-builder.js';

const opts = () => ({ transport: fakeTransport().transport });

describe('url cards', () => {
  it('Encode Component percent-encodes reserved characters', async () => {
    const s = single('url:encodeComponent', { string: '+1 555/ä&x=y' });
    expect(await runFlow(s.flopack, s.flow, s.inputs, opts())).toMatchObject({
      ok: true,
      outputs: { output: '%2B1%20555%2F%C3%A4%26x%3Dy' },
    });
  });

  it('Decode Component reverses it and fails on malformed input', async () => {
    const ok = single('url:decodeComponent', { string: '%2B1%20555' });
    expect(await runFlow(ok.flopack, ok.flow, ok.inputs, opts())).toMatchObject({
      ok: true,
      outputs: { output: '+1 555' },
    });
    const bad = single('url:decodeComponent', { string: '%E0%A4%A' });
    expect(await runFlow(bad.flopack, bad.flow, bad.inputs, opts())).toMatchObject({
      ok: false,
      error: { kind: 'card-failed' },
    });
  });
});
