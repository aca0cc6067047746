import { describe, expect, it } from 'vitest';
import { PAGINATE } from '../../../../src/connector/contract.js';
import { runFlow } from '../../../../src/simulate/index.js';
import { FlowBuilder, fakeTransport, flopackOf } from '../../../helpers/flow-builder.js';

/**
 * Paginate (Connector Builder's HTTP › Paginate): a do-while over a helper flow. The helper here asks the fake service
 * for the next object (`GET https://x/page/<n>`) and returns the parsed answer as `object`, so the test decides, page
 * by page, whether the break key is still there.
 */
function paginated() {
  const helper = new FlowBuilder('page');
  const s = helper.start(['n', 'break']);
  const url = helper.card('string:compose', {
    inputs: [{ key: '_text_', value: 'https://x/page/{{{n}}}' }, 'n'],
    outputs: ['output'],
  });
  const raw = helper.card('httpfunctions:raw', {
    inputs: [
      { key: 'URL', group: 'Request' },
      { key: 'Method', group: 'Request', value: 'GET' },
    ],
    outputs: [{ key: 'Body', group: 'Response' }],
  });
  const parse = helper.card('json:parse', {
    inputs: ['string'],
    outputs: [{ key: 'output', type: 'object' }],
  });
  const r = helper.ret([PAGINATE.helperReturn]);
  helper
    .pin(s, 'n', url, 'n')
    .pin(url, 'output', raw, 'URL')
    .pin(raw, 'Body', parse, 'string')
    .pin(parse, 'output', r, PAGINATE.helperReturn)
    .order(s, url, raw, parse, r);

  const f = new FlowBuilder('list');
  const start = f.start([{ key: 'first', type: 'object' }]);
  const card = f.card('httpfunctions:paginate', {
    inputs: [
      { key: 'object', type: 'object' },
      { key: 'path', value: 'break' },
      { key: 'flo', type: 'flo', value: helper.id },
    ],
    outputs: [{ key: 'output', type: 'object' }],
    timeout: 300_000,
  });
  const ret = f.ret(['last']);
  f.pin(start, 'first', card, 'object').pin(card, 'output', ret, 'last').order(start, card, ret);
  return flopackOf([helper, f]);
}

const pageNumber = (url: string) => Number(/\/page\/(\d+)$/.exec(url)?.[1]);

describe('Paginate', () => {
  it('runs the helper until the object has no break key, passing the object keys as its inputs', async () => {
    const { transport, requests } = fakeTransport((q) => {
      const n = pageNumber(q.url);
      return { status: 200, body: JSON.stringify(n < 3 ? { n: n + 1, break: false } : { n }) };
    });
    const r = await runFlow(paginated(), 'list', { first: { n: 0, break: false } }, { transport });
    expect(r).toMatchObject({ ok: true, outputs: { last: { n: 3 } } });
    expect(requests.map((q) => pageNumber(q.url))).toEqual([0, 1, 2, 3]);
  });

  it('runs the helper once even when the first object has no break key (do-while)', async () => {
    const { transport, requests } = fakeTransport(() => ({ status: 200, body: '{"n":9}' }));
    const r = await runFlow(paginated(), 'list', { first: { n: 0 } }, { transport });
    expect(r).toMatchObject({ ok: true, outputs: { last: { n: 9 } } });
    expect(requests).toHaveLength(1);
  });

  it(`stops after ${PAGINATE.maxIterations} iterations, Okta's cap, with the object as it is`, async () => {
    const { transport, requests } = fakeTransport((q) => ({
      status: 200,
      body: JSON.stringify({ n: pageNumber(q.url) + 1, break: false }),
    }));
    const r = await runFlow(
      paginated(),
      'list',
      { first: { n: 0, break: false } },
      { transport, maxSteps: 100_000, collectTrace: false },
    );
    expect(r).toMatchObject({ ok: true, outputs: { last: { n: PAGINATE.maxIterations, break: false } } });
    expect(requests).toHaveLength(PAGINATE.maxIterations);
  });

  it('fails when the helper returns no object', async () => {
    const { transport } = fakeTransport(() => ({ status: 200, body: '"not an object"' }));
    const r = await runFlow(paginated(), 'list', { first: { n: 0, break: false } }, { transport });
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('must return the pagination object') },
    });
  });
});
