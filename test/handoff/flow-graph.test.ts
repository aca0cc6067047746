import { describe, expect, it } from 'vitest';
import { buildFlowGraph, executionOrder, flattenGraph } from '../../src/handoff/flow-graph.js';
import { describeInput } from '../../src/handoff/field-sources.js';
import { onlyFlo, sample } from './helpers.js';

describe('buildFlowGraph', () => {
  const flopack = sample('telephony_inline_hook_whatsapp_sms.flow');
  const graph = buildFlowGraph(onlyFlo(flopack));

  it('walks the cards in ordering order, hiding path cards and branch heads', () => {
    expect(graph.steps.map((s) => `${s.number} ${s.name}`)).toEqual([
      '1 API Endpoint',
      '2 Read User',
      '3 If/Else',
      '4 Join',
      '5 Comment',
      '6 Construct',
      '7 If Error',
      '8 Return Raw',
    ]);
    const all = flattenGraph(graph.steps).map((n) => n.card.address);
    expect(all.some((a) => a.endsWith(':expand') || a.endsWith(':noop'))).toBe(false);
  });

  it('puts If/Else branches and If Error try/error flows in lanes', () => {
    const ifElse = graph.steps[2];
    expect(ifElse?.lanes.map((l) => [l.label, l.steps.map((s) => s.number)])).toEqual([
      ['True', ['3.1.1']],
      ['False', ['3.2.1']],
    ]);
    const ifError = graph.steps[6];
    expect(ifError?.lanes.map((l) => [l.label, l.steps.map((s) => s.type)])).toEqual([
      ['Try', ['HTTP Post', 'Text Compose', 'Flow Control Return']],
      ['If Error', ['Text Compose', 'Flow Control Return']],
    ]);
  });

  it('resolves drags through path cards and out of inline flows (wormholes)', () => {
    const readUser = graph.steps[1];
    const field = Object.values(readUser?.card.node.model.inputs.data ?? {})[0];
    if (!readUser || !field) throw new Error('sample changed');
    expect(describeInput(readUser.card, field, readUser.scope, graph, flopack)).toEqual({
      how: 'drag',
      from: [{ output: 'data › userProfile › userId', card: 'API Endpoint', number: '1' }],
    });
    const post = graph.steps[6]?.lanes[0]?.steps[0];
    const body = Object.values(post?.card.node.model.inputs.data ?? {}).find((f) => f.key === 'Body');
    if (!post || !body) throw new Error('sample changed');
    expect(describeInput(post.card, body, post.scope, graph, flopack)).toEqual({
      how: 'drag',
      from: [{ output: 'URL Body', card: 'Join', number: '4' }],
    });
  });
});

describe('executionOrder', () => {
  it('follows orderings, not the order of methods, and survives cycles', () => {
    const flo = onlyFlo(sample('send_sms_via_twilio.flopack'));
    const reversed = [...flo.data.methods].reverse();
    const order = executionOrder(reversed, flo.data.orderings).map((c) => c.uuid);
    expect(order).toEqual(executionOrder(flo.data.methods, flo.data.orderings).map((c) => c.uuid));
    expect(order[0]).toBe(flo.data.methods.find((c) => c.address.endsWith(':callable'))?.uuid);
    const [a, b] = flo.data.methods;
    if (!a || !b) throw new Error('sample changed');
    const cyclic = executionOrder([a, b], { x: [a.uuid, b.uuid], y: [b.uuid, a.uuid] });
    expect(cyclic).toHaveLength(2);
  });
});
