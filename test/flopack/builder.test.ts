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
  const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  // A fresh factory per call gives the raw hash: nothing is taken yet, so no `#n` re-hash can hide a collision.
  const raw = (path: string, length = 10): string => new IdFactory().short(path, length);
  // Paths shaped like the builder's: flow / card / direction / group / key.
  const realistic = (count: number): string[] => {
    const groups = ['', 'context', 'headers', 'query', 'body', 'auth'];
    const keys = ['id', 'name', 'email', 'status', 'value', 'key', 'error', 'statusCode', 'index', 'url'];
    const paths: string[] = [];
    for (let n = 0; paths.length < count; n++) {
      for (let m = 0; m < 20 && paths.length < count; m++) {
        for (const dir of ['in', 'out']) {
          for (const g of groups)
            for (const k of keys.slice(0, 1 + ((n + m) % 4)))
              paths.push(`flows/${n}/cards/${m}/${dir}/${g}/${k}`);
        }
      }
    }
    return paths.slice(0, count);
  };

  it('gives base64url ids of every length the builder asks for (9, 10, 11) and any length 1..15', () => {
    for (let length = 1; length <= 15; length++) {
      const ids = new IdFactory();
      for (let i = 0; i < 50; i++) {
        const id = ids.short(`flows/x/cards/${i}/card`, length);
        expect(id).toHaveLength(length);
        expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      }
    }
    expect(() => new IdFactory().short('p', 0)).toThrow(RangeError);
    expect(() => new IdFactory().short('p', 16)).toThrow(RangeError);
  });

  it('is a fixed function of the path: the same in every factory, run and platform', () => {
    const paths = [
      '',
      'x/y',
      'c/f/start/in/context/index',
      'caf\u00e9/\u4e2d/\ud83d\ude00',
      'a'.repeat(1000),
    ];
    const first = paths.map((p) => raw(p));
    expect(paths.map((p) => raw(p))).toEqual(first);
    // Known answers: integer-only arithmetic, so these never vary by platform. Changing them changes every golden.
    expect(first.slice(0, 4)).toEqual(['8_oFuFeq0L', 'k5o-fCgWGA', 'vkiQswFoRu', 'hZGSFXpO_a']);
    expect(raw('c/f/start/in/context/index', 11)).toBe('vkiQswFoRu9');
    // A longer id extends the shorter one, as a cut of one hash.
    expect(raw('x/y', 11).startsWith(raw('x/y', 10))).toBe(true);
    expect(raw('x/y', 10).startsWith(raw('x/y', 9))).toBe(true);
  });

  it('gives 200,000 distinct realistic paths distinct 10-char ids, spread evenly over the alphabet', () => {
    const paths = realistic(200_000);
    expect(new Set(paths).size).toBe(paths.length);
    const seen = new Set<string>();
    let collisions = 0;
    const counts = Array.from({ length: 10 }, () => new Map<string, number>());
    for (const path of paths) {
      const id = raw(path);
      if (seen.has(id)) collisions++;
      seen.add(id);
      for (let i = 0; i < 10; i++) counts[i]!.set(id[i]!, (counts[i]!.get(id[i]!) ?? 0) + 1);
    }
    // 60 bits: the birthday bound for 200,000 ids is ~2e-8 expected collisions.
    expect(collisions).toBe(0);
    // Each char at each position: 3,125 expected, standard deviation ~55.
    for (const byChar of counts) {
      expect(byChar.size).toBe(64);
      for (const n of byChar.values()) expect(Math.abs(n - 200_000 / 64)).toBeLessThan(400);
    }
  });

  it('gives unrelated ids to paths that differ in one character', () => {
    const paths = realistic(5_000);
    let differing = 0;
    let pairs = 0;
    for (const [i, path] of paths.entries()) {
      const at = (i * 7919) % path.length;
      const changed =
        path.slice(0, at) + String.fromCharCode(path.charCodeAt(at) ^ (1 << (i % 7))) + path.slice(at + 1);
      const a = raw(path);
      const b = raw(changed);
      expect(b).not.toBe(a);
      for (let k = 0; k < 10; k++) if (a[k] !== b[k]) differing++;
      pairs++;
    }
    // Independent random ids differ in 10 * 63/64 = 9.84 of 10 chars on average.
    expect(differing / pairs).toBeGreaterThan(9.7);
  });

  it('re-hashes a taken id with #n until it is free, the same way in every factory', () => {
    // 1-char ids: 64 paths must use up the whole alphabet, each char once, most of them through the fallback.
    const a = new IdFactory();
    const ones = Array.from({ length: 64 }, (_, i) => a.short(`p/${i}`, 1));
    expect([...ones].sort().join('')).toBe([...BASE64URL].sort().join(''));
    expect(ones.filter((id, i) => id !== raw(`p/${i}`, 1)).length).toBeGreaterThan(16);
    const b = new IdFactory();
    expect(Array.from({ length: 64 }, (_, i) => b.short(`p/${i}`, 1))).toEqual(ones);
    // 2-char ids over 3,000 paths: ~900 raw collisions, all resolved.
    const c = new IdFactory();
    const paths = realistic(3_000);
    const twos = paths.map((p) => c.short(p, 2));
    expect(new Set(twos).size).toBe(twos.length);
    expect(twos.filter((id, i) => id !== raw(paths[i]!, 2)).length).toBeGreaterThan(500);
    // The fallback is the hash of `path#n`.
    const d = new IdFactory();
    const taken = d.short('x/y');
    expect(d.short('x/y')).toBe(raw('x/y#1'));
    expect(taken).toBe(raw('x/y'));
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
