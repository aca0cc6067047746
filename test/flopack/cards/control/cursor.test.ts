import { describe, expect, it } from 'vitest';
import { POLLING } from '../../../../src/connector/contract.js';
import { runFlow } from '../../../../src/simulate/index.js';
import { fakeTransport, single } from '../../../helpers/flow-builder.js';

/** Connector Builder's Cursor card: it saves Properties for the polling monitor's next run, at most 10 KB. */
describe('Cursor', () => {
  const run = (properties: unknown) => {
    const s = single('control:cursor', { properties }, []);
    return runFlow(s.flopack, s.flow, s.inputs, { transport: fakeTransport().transport });
  };

  it('reports what it saved as the run’s cursor, text or object', async () => {
    expect(await run('1700000500.000100')).toMatchObject({
      ok: true,
      cursor: { value: '1700000500.000100' },
    });
    expect(await run({ since: '2026-11-29', ids: [1, 2] })).toMatchObject({
      cursor: { value: { since: '2026-11-29', ids: [1, 2] } },
    });
  });

  it(`fails beyond ${POLLING.cursorLimitBytes} bytes, as Okta's limit does`, async () => {
    expect(await run('x'.repeat(POLLING.cursorLimitBytes))).toMatchObject({ ok: true });
    const over = await run({ seen: 'x'.repeat(POLLING.cursorLimitBytes) });
    expect(over).toMatchObject({ ok: false, error: { message: expect.stringContaining('10 KB') } });
  });

  it('a flow without a Cursor card reports none', async () => {
    const s = single('string:toLowerCase', { string: 'A' }, ['output']);
    const r = await runFlow(s.flopack, s.flow, s.inputs, { transport: fakeTransport().transport });
    expect(r.ok && r.cursor).toBeUndefined();
  });
});
