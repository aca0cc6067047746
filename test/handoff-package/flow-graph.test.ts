import { describe, expect, it } from 'vitest';
import { buildFlowGraph, flattenGraph } from '../../src/handoff-package/flow-graph.js';
import { describeInput, flowNamesOf } from '../../src/handoff-package/field-sources.js';
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
      ['Try', ['HTTP - Post', 'Text - Compose', 'Flow Control - Return']],
      ['If Error', ['Text - Compose', 'Flow Control - Return']],
    ]);
  });

  it('resolves drags through path cards and out of inline flows (wormholes)', () => {
    const readUser = graph.steps[1];
    const field = [...(readUser?.card.inputs.values() ?? [])][0]?.field;
    if (!readUser || !field) throw new Error('sample changed');
    expect(describeInput(readUser.card, field, graph, flowNamesOf(flopack))).toEqual({
      how: 'drag',
      from: [{ output: 'data › userProfile › userId', card: 'API Endpoint', number: '1' }],
    });
    const post = graph.steps[6]?.lanes[0]?.steps[0];
    const body = [...(post?.card.inputs.values() ?? [])].find((f) => f.key === 'Body')?.field;
    if (!post || !body) throw new Error('sample changed');
    expect(describeInput(post.card, body, graph, flowNamesOf(flopack))).toEqual({
      how: 'drag',
      from: [{ output: 'URL Body', card: 'Join', number: '4' }],
    });
  });
});
