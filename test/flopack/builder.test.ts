import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  FlowBuilder,
  IdFactory,
  IfElse,
  TryCatch,
  addReturnField,
  addStartField,
  compose,
  construct,
  helperFlowStart,
  returnCard,
} from '../../src/flopack/builder/index.js';
import type { Card, Flopack, FloInline } from '../../src/flopack/types.js';
import { checkFlopack } from '../helpers/check-flopack.js';

function wrap(flows: ReturnType<FlowBuilder['build']>[]): Flopack {
  const group = '00000000-0000-4000-8000-000000000000';
  return {
    type: 'flopack',
    version: '1.5.0',
    created: '2024-01-01T00:00:00.000Z',
    flags: {},
    data: {
      flos: Object.fromEntries(flows.map((f) => [f.id, f])),
      configs: {},
      tables: {},
      groups: { [group]: { id: group, data: { name: 'G', description: '', media_uri: '', path: '' } } },
    },
  };
}
const meta = (ids: IdFactory, name: string) => ({
  id: ids.uuid(name),
  name,
  description: '',
  group: '00000000-0000-4000-8000-000000000000',
});

describe('IdFactory', () => {
  it('derives short ids and UUIDv4-shaped ids from the path, the same every time', () => {
    const a = new IdFactory();
    const b = new IdFactory();
    const first = a.short('x/y');
    expect(first).toBe(b.short('x/y'));
    expect(a.short('x/y')).not.toBe(first); // a repeated path is re-hashed, never reused
    expect(a.short('p', 9)).toMatch(/^[A-Za-z0-9_-]{9}$/);
    expect(a.uuid('flo')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.scope().uuid('other')).toBe(b.uuid('other'));
  });
});

describe('IdFactory.short', () => {
  it('is the sha256 of the path in base64url, cut to length, re-hashed with #n on a repeat (random paths)', () => {
    // The plain derivation the fast path (no closure in the common case) must reproduce.
    const plain = (text: string, length: number) =>
      createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, length);
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = 'abcXYZ019/_-~ .#{}\u00e9\u4e2d\ud83d\ude00';
    for (let round = 0; round < 50; round++) {
      const ids = new IdFactory();
      const used = new Set<string>();
      for (let i = 0; i < 100; i++) {
        // Short random paths repeat often, which exercises the re-hash of a taken id.
        const path = Array.from(
          { length: random(i % 3 ? 90 : 2) },
          () => alphabet[random(alphabet.length)],
        ).join('');
        const length = 9 + random(3);
        let expected = plain(path, length);
        for (let n = 1; used.has(expected); n++) expected = plain(`${path}#${n}`, length);
        used.add(expected);
        expect(ids.short(path, length)).toBe(expected);
      }
    }
  });
});

describe('FlowBuilder', () => {
  it('builds a linear flow whose pins, orderings and Compose placeholders satisfy the reference', () => {
    const ids = new IdFactory();
    const flow = new FlowBuilder(ids, 'c/f');
    const start = helperFlowStart(flow);
    const name = addStartField(start, { key: 'name' }).output;
    const text = compose(flow, 'greeting', ['Hello ', name, '! {{not a token}} ', name]);
    const ret = returnCard(flow);
    addReturnField(flow, ret, { key: 'text' }, text);
    flow.chainAll(ret);
    const built = flow.build(meta(ids, 'f'));
    expect(checkFlopack(wrap([built]))).toEqual([]);
    const card = built.data.methods.find((c) => c.node.key === 'compose')!;
    const fields = Object.values(card.node.model.inputs.data);
    const tpl = String(fields[0]!.value.data);
    expect(tpl).toMatch(/^Hello \{\{\{([\w-]+)\}\}\}\{\{\{[\w-]+\}\}\}\{\{\{\1\}\}\}$/);
    expect(fields).toHaveLength(3); // _text_, one placeholder for `name` (used twice), one static literal
    expect(fields[2]!.value.data).toBe('! {{not a token}} ');
  });

  it('refuses pins and orderings across flow scopes', () => {
    const ids = new IdFactory();
    const a = new FlowBuilder(ids, 'a');
    const b = new FlowBuilder(ids, 'b');
    const out = addStartField(helperFlowStart(a), { key: 'x' }).output;
    const ret = returnCard(b);
    const field = ret.addInput({ key: 'y' });
    expect(() => b.pin(out, field)).toThrow(/not in flow/);
  });

  it('reuses one hidden expand card per source output, one key/value group per path', () => {
    const ids = new IdFactory();
    const flow = new FlowBuilder(ids, 'c/e');
    const obj = addStartField(helperFlowStart(flow), { key: 'obj', type: 'object' }).output;
    const a = flow.path(obj, ['a', 'b']);
    expect(flow.path(obj, ['a', 'b'])).toBe(a);
    flow.path(obj, ['c']);
    const expands = flow.cards.filter((c) => c.kind === 'expand');
    expect(expands).toHaveLength(1);
    const outs = Object.values(expands[0]!.card.node.model.outputs.data);
    expect(outs.map((o) => [o.key, o.metadata.path])).toEqual([
      ['key', ['a', 'b']],
      ['value', ['a', 'b']],
      ['key', ['c']],
      ['value', ['c']],
    ]);
    expect(expands[0]!.card.node.model.displayed).toBe(false);
  });

  it('builds If/Else with noop branch heads, a join fed by both branches, and no ordering out of the If card', () => {
    const ids = new IdFactory();
    const flow = new FlowBuilder(ids, 'c/if');
    const start = helperFlowStart(flow);
    const flag = addStartField(start, { key: 'flag', type: 'boolean' }).output;
    const branch = new IfElse(flow, 'choose', { left: flag, operator: '==', right: true, type: 'boolean' });
    const yes = compose(flow, 'yes', ['yes']);
    const no = compose(flow, 'no', ['no']);
    branch.add(true, yes.card);
    branch.add(false, no.card);
    const answer = branch.value('answer', 'string', yes, no);
    const ret = returnCard(flow);
    addReturnField(flow, ret, { key: 'answer' }, answer);
    flow.order(start, branch.ifCard);
    flow.order(branch.join, ret);
    const built = flow.build(meta(ids, 'if'));
    expect(checkFlopack(wrap([built]))).toEqual([]);
    const ifCard = built.data.methods.find((c) => c.node.key === 'if')!;
    expect(Object.values(ifCard.branches)).toEqual([true, false]);
    expect(Object.values(built.data.orderings).some(([from]) => from === ifCard.uuid)).toBe(false);
    const join = built.data.methods.find((c) => c.node.key === 'join')!;
    const [joinInput] = Object.keys(join.joins);
    const feeders = built.data.methods.filter((c) =>
      Object.values(c.pins).some((t) => t[join.uuid]?.some((p) => p.input === joinInput)),
    );
    expect(feeders.map((c) => c.node.key)).toEqual(['compose', 'compose']);
  });

  it('builds If Error with inline try/error flos, wormholes and outputs from both Return cards', () => {
    const ids = new IdFactory();
    const flow = new FlowBuilder(ids, 'c/tc');
    const start = helperFlowStart(flow);
    const value = addStartField(start, { key: 'value' }).output;
    const guard = new TryCatch(flow, 'guard');
    const inner = guard.wormhole(value, 'try');
    const made = construct(guard.tryFlow, 'wrap', [{ key: 'v', value: inner }]);
    guard.tryFlow.chainAll(guard.tryReturn);
    const message = guard.errorFlow.path(guard.error, ['message']);
    guard.errorFlow.chainAll(guard.errorReturn);
    const result = guard.output('result', 'object', made, message);
    const ret = returnCard(flow);
    addReturnField(flow, ret, { key: 'result', type: 'object' }, result);
    flow.chainAll(ret);
    const built = flow.build(meta(ids, 'tc'));
    expect(checkFlopack(wrap([built]))).toEqual([]);
    const tc = built.data.methods.find((c) => c.node.key === 'tryCatch')!;
    const tryFlo = Object.values(tc.node.model.inputs.data).find((i) => i.key === 'flo')!.value
      .data as FloInline;
    const policy = tc.node.model.policy.error as { type: string; merge: string; flo: FloInline };
    expect([policy.type, policy.merge]).toEqual(['handler', 'join']);
    expect(tryFlo.id).toBe(tryFlo.uuid);
    expect(policy.flo.methods.map((c: Card) => c.node.key)).toEqual(['callable', 'return', 'expand']);
    const gate = Object.values(tc.node.model.inputs.data).find((i) => i.group === 'context')!;
    expect(gate.metadata.wormholeMethodId).toBe(tryFlo.methods[0]!.uuid);
  });
});
