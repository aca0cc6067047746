import { describe, expect, it } from 'vitest';
import { runFlow } from '../../../../src/simulate/index.js';
import { FlowBuilder, fakeTransport, flopackOf, single } from '../../../helpers/flow-builder.js';

/** Child flow: posts one request per item so the loop is observable through the transport. */
function child() {
  const c = new FlowBuilder('child');
  const s = c.start(['id', 'tag', { key: 'index', group: 'context', type: 'number' }]);
  const u = c.card('string:compose', {
    inputs: [{ key: '_text_', value: 'https://x/{{{a}}}/{{{b}}}/{{{i}}}' }, 'a', 'b', 'i'],
    outputs: ['output'],
  });
  const raw = c.card('httpfunctions:raw', {
    inputs: [
      { key: 'URL', group: 'Request' },
      { key: 'Method', group: 'Request', value: 'GET' },
    ],
    outputs: [{ key: 'Status Code', group: 'Response' }],
  });
  const r = c.ret(['status']);
  c.pin(s, 'id', u, 'a')
    .pin(s, 'tag', u, 'b')
    .pin(s, 'index', u, 'i')
    .pin(u, 'output', raw, 'URL')
    .pin(raw, 'Status Code', r, 'status');
  c.order(s, u, raw, r);
  return c;
}

function loopFlow(tail: string) {
  const c = child();
  const f = new FlowBuilder('loop');
  const s = f.start([{ key: 'items', type: 'object', collection: true }, 'tag']);
  const each = f.card(tail, {
    inputs: [
      { key: 'list', type: 'object', collection: true },
      { key: 'flo', type: 'flo', value: c.id },
      { key: 'concurrency', type: 'number', value: 3 },
      { key: 'id', proxy: { dynamic: true, path: 'user.id', dest: { key: 'id', group: null } } },
      { key: 'tag', proxy: { dynamic: false, path: null, dest: { key: 'tag', group: null } } },
    ],
    outputs: tail === 'list:map' ? [{ key: 'new list', collection: true }] : [],
    timeout: 300_000,
  });
  const r = f.ret(['statuses']);
  f.pin(s, 'items', each, 'list').pin(s, 'tag', each, 'tag');
  if (tail === 'list:map') f.pin(each, 'new list', r, 'statuses');
  f.order(s, each, r);
  return flopackOf([c, f]);
}

const items = [{ user: { id: 'u1' } }, { user: { id: 'u2' } }, { user: { id: 'u3' } }];

describe('For Each / Map', () => {
  it('For Each calls the child once per item: dynamic proxies take the item path, static ones the card value', async () => {
    const { transport, requests } = fakeTransport(() => ({ status: 200 }));
    const r = await runFlow(loopFlow('list:each'), 'loop', { items, tag: 't' }, { transport });
    expect(r.ok).toBe(true);
    expect(requests.map((q) => q.url)).toEqual(['https://x/u1/t/0', 'https://x/u2/t/1', 'https://x/u3/t/2']);
  });

  it('For Each stops at a failing item; For Each - Ignore Errors carries on', async () => {
    const fail = (q: { url: string }) => {
      if (q.url.includes('u2')) throw new Error('boom');
      return { status: 200 };
    };
    const a = fakeTransport(fail);
    expect(
      await runFlow(loopFlow('list:each'), 'loop', { items, tag: 't' }, { transport: a.transport }),
    ).toMatchObject({ ok: false, error: { kind: 'card-failed', flow: 'child' } });
    expect(a.requests).toHaveLength(2);
    const b = fakeTransport(fail);
    expect(
      await runFlow(loopFlow('list:asyncEach'), 'loop', { items, tag: 't' }, { transport: b.transport }),
    ).toMatchObject({ ok: true });
    expect(b.requests).toHaveLength(3);
  });

  it('Map collects the child Return value per item', async () => {
    let n = 200;
    const { transport } = fakeTransport(() => ({ status: n++ }));
    expect(await runFlow(loopFlow('list:map'), 'loop', { items, tag: 't' }, { transport })).toMatchObject({
      ok: true,
      outputs: { statuses: [200, 201, 202] },
    });
  });
});

describe('list functions', () => {
  const run = async (tail: string, inputs: Record<string, unknown>, outputs: string[]) => {
    const s = single(tail, inputs, outputs);
    return runFlow(s.flopack, s.flow, s.inputs, { transport: fakeTransport().transport });
  };
  it('Length, Get Last Item, Pluck, Flatten', async () => {
    expect(await run('list:length', { list: [1, 2, 3] }, ['length'])).toMatchObject({
      outputs: { length: 3 },
    });
    expect(await run('list:pop', { list: ['a', 'b.com'] }, ['list', 'item'])).toMatchObject({
      outputs: { list: ['a'], item: 'b.com' },
    });
    expect(await run('list:shift', { list: ['a', 'b'] }, ['list', 'item'])).toMatchObject({
      outputs: { list: ['b'], item: 'a' },
    });
    expect(await run('list:pluck', { list: [{ p: 1 }, { p: 2 }, {}], key: 'p' }, ['values'])).toMatchObject({
      outputs: { values: [1, 2, null] },
    });
    expect(await run('list:flatten', { lists: [[1, [2]], [3]] }, ['list'])).toMatchObject({
      outputs: { list: [1, 2, 3] },
    });
  });
});
