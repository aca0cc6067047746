import { describe, expect, it } from 'vitest';
import { runFlow } from '../../../../src/simulate/index.js';
import { FlowBuilder, fakeTransport, flopackOf, type CardHandle } from '../../../helpers/flow-builder.js';

const opts = () => ({ transport: fakeTransport().transport });

/** start(flag) -> If(flag == true) -> [true: compose "yes"] / [false: compose "no"] -> Join -> Return (reference §1.6). */
function ifElseFlow(extend?: (f: FlowBuilder, cards: { start: CardHandle; no: CardHandle }) => void) {
  const f = new FlowBuilder('if-else');
  const s = f.start([{ key: 'flag', type: 'boolean' }]);
  const iff = f.card('control:if', {
    inputs: [
      { key: 'left-operand', type: 'boolean', value: false },
      { key: 'operator', value: '==' },
      { key: 'right-operand', type: 'boolean', value: true },
    ],
    outputs: [{ key: 'result', type: 'boolean' }],
  });
  const yesHead = f.card('control:noop');
  const noHead = f.card('control:noop');
  const yes = f.card('string:compose', {
    name: 'yes',
    inputs: [{ key: '_text_', value: 'yes' }],
    outputs: ['output'],
  });
  const no = f.card('string:compose', {
    name: 'no',
    inputs: [{ key: '_text_', value: 'no' }],
    outputs: ['output'],
  });
  const join = f.card('control:join', { inputs: ['answer'], outputs: ['answer'] });
  const r = f.ret(['answer', 'result']);
  f.branches(iff, yesHead, noHead).join(join, 'answer');
  f.pin(s, 'flag', iff, 'left-operand').pin(yes, 'output', join, 'answer').pin(no, 'output', join, 'answer');
  f.pin(join, 'answer', r, 'answer').pin(iff, 'result', r, 'result');
  // As in real exports: the If has no ordering to its heads; each branch card also orders into the Join.
  f.order(s, iff)
    .order(yesHead, yes, join)
    .order(yesHead, join)
    .order(noHead, no, join)
    .order(noHead, join)
    .order(join, r);
  extend?.(f, { start: s, no });
  return f;
}

describe('If/Else', () => {
  it('runs only the taken branch, then the Join, whose output is the branch value', async () => {
    const fp = flopackOf([ifElseFlow()]);
    const t = await runFlow(fp, 'if-else', { flag: true }, opts());
    expect(t).toMatchObject({ ok: true, outputs: { answer: 'yes', result: true } });
    const cards = t.trace.flatMap((e) => (e.type === 'card' ? [e.card] : []));
    expect(cards).toEqual(['Helper Flow', 'if', 'noop', 'yes', 'join', 'Return']);
    // Loose booleans: the text "false" is false (flopack flags.looseBooleans).
    const f = await runFlow(fp, 'if-else', { flag: 'false' }, opts());
    expect(f).toMatchObject({ ok: true, outputs: { answer: 'no', result: false } });
    expect(f.trace.some((e) => e.type === 'card' && e.card === 'yes')).toBe(false);
  });
});

describe('If/Else with a card outside the branch ordered into it', () => {
  it('skips the untaken branch even when another predecessor ran (an expand card before the If)', async () => {
    // A pure card before the If, ordered into the "no" branch's card as object:expand cards are in real exports.
    const f = ifElseFlow((flow, { start, no }) => {
      const outside = flow.card('string:compose', {
        name: 'outside',
        inputs: [{ key: '_text_', value: 'x' }],
        outputs: ['output'],
      });
      flow.order(start, outside).order(outside, no);
    });
    const t = await runFlow(flopackOf([f]), 'if-else', { flag: true }, opts());
    expect(t).toMatchObject({ ok: true, outputs: { answer: 'yes' } });
    const cards = t.trace.flatMap((e) => (e.type === 'card' ? [e.card] : []));
    expect(cards).toContain('outside');
    expect(cards).not.toContain('no');
  });
});

describe('If/ElseIf', () => {
  function branchFlow() {
    const mk = (label: string) => {
      const b = new FlowBuilder(label);
      const s = b.start([{ key: 'w1', group: 'context', wormhole: 'outer' }]);
      const c = b.card('string:compose', {
        inputs: [{ key: '_text_', value: `${label}:{{{k}}}` }, 'k'],
        outputs: ['output'],
      });
      const r = b.ret(['picked']);
      b.pin(s, 'w1', c, 'k').pin(c, 'output', r, 'picked').order(s, c, r);
      return b;
    };
    const f = new FlowBuilder('elseif');
    const s = f.start([{ key: 'n', type: 'number' }]);
    const grp = (g: string, op: string, right: unknown) => [
      { key: 'left-operand', group: g, type: 'number' },
      { key: 'operator', group: g, value: op },
      { key: 'right-operand', group: g, value: right },
      { key: 'flo', group: g, type: 'flo', value: mk(g).inline() },
    ];
    const br = f.card('control:branch', {
      uuid: 'outer',
      inputs: [
        ...grp('if', '>', 10),
        ...grp('elif1', '>', 5),
        { key: 'flo', group: 'else', type: 'flo', value: mk('else').inline() },
        { key: 'w1', group: 'context' },
      ],
      outputs: ['picked'],
    });
    const r = f.ret(['picked']);
    // One output pinned into both groups' left operands.
    s.card.pins[s.out('n')] = {
      [br.uuid]: ['if', 'elif1'].map((g) => ({ input: br.in('left-operand', g), transform: null })),
    };
    f.pin(s, 'n', br, 'w1').pin(br, 'picked', r, 'picked').order(s, br, r);
    return flopackOf([f]);
  }

  it('runs the first group whose comparison holds, else the else group, passing wormholes in', async () => {
    const fp = branchFlow();
    expect(await runFlow(fp, 'elseif', { n: 12 }, opts())).toMatchObject({
      ok: true,
      outputs: { picked: 'if:12' },
    });
    expect(await runFlow(fp, 'elseif', { n: 7 }, opts())).toMatchObject({
      ok: true,
      outputs: { picked: 'elif1:7' },
    });
    expect(await runFlow(fp, 'elseif', { n: 1 }, opts())).toMatchObject({
      ok: true,
      outputs: { picked: 'else:1' },
    });
  });
});
