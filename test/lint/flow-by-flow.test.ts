import { beforeAll, describe, expect, it } from 'vitest';
import { sortDiagnostics, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { childPointer, isObject } from '../../src/flopack/read/index.js';
import { envelopeOf, lintFlopack, lintFlowByFlow, LINT_RULES } from '../../src/lint/index.js';
import { INTERNAL_CODE, startLintRun } from '../../src/lint/runner.js';
import { lintRule } from '../../src/lint/types.js';
import {
  fixtureEntries,
  fuzzedEntries,
  generatedEntries,
  mutatedEntries,
  type CorpusEntry,
} from './flow-by-flow-corpus.js';

const FILE = 'x.flopack';

/** The contract: each flow of F in key order, then the envelope, sorted, is lintFlopack(F). */
function flowByFlow(data: unknown, connector: boolean, checked?: ReadonlySet<object>): Diagnostic[] {
  const lint = lintFlowByFlow({ connector, file: FILE, checked });
  const flos = isObject(data) && isObject(data.data) && isObject(data.data.flos) ? data.data.flos : {};
  const found = Object.entries(flos).map(([id, flo]) => {
    const own = lint.flow(id, flo);
    // What flow() returns is about that flow.
    const at = childPointer('/data/flos', id);
    for (const d of own) expect(d.pointer === at || d.pointer?.startsWith(`${at}/`), d.pointer).toBe(true);
    return own;
  });
  return sortDiagnostics([...found, lint.finish(envelopeOf(data))].flat());
}

function expectSame(entry: CorpusEntry): Diagnostic[] {
  const all: Diagnostic[] = [];
  for (const connector of [true, false]) {
    const whole = lintFlopack(entry.data, { connector, file: FILE });
    expect(flowByFlow(entry.data, connector), `${entry.name}, connector: ${connector}`).toEqual(whole);
    all.push(...whole);
  }
  return all;
}

let fixtures: CorpusEntry[] = [];
let generated: CorpusEntry[] = [];
let mutated: CorpusEntry[] = [];

beforeAll(async () => {
  fixtures = fixtureEntries();
  generated = await generatedEntries();
  const sample = fixtures.find((f) => f.name.endsWith('send_sms_via_twilio.flopack'))!.data;
  mutated = mutatedEntries(generated[0]!.data, sample);
});

const codes = (found: Diagnostic[]) => new Set(found.map((d) => d.code));

describe('lintFlowByFlow gives the findings of lintFlopack', () => {
  it('on every flopack fixture', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    const found = fixtures.flatMap(expectSame);
    // The real exports do have findings (so the comparison compares something).
    expect(found.length).toBeGreaterThan(10);
  });

  it('on the generated connectors (Twilio, Slack, GitHub, the session-token fixture)', () => {
    expect(generated.map((g) => g.name)).toHaveLength(4);
    for (const entry of generated) {
      expect(Object.keys(entry.data.data.flos).length, entry.name).toBeGreaterThan(3);
      // Generated flopacks lint clean; the mutations below break them.
      expect(
        expectSame(entry).filter((d) => d.severity === 'error'),
        entry.name,
      ).toEqual([]);
    }
  });

  it.each([
    ['duplicate names', ['CBDE000001H']],
    ['two _authping flows', ['CBDE000001H', 'CBDE000004H']],
    ['two _revoke-named flows', ['CBDE000003H', 'CBDE000004H', 'CBDE000007H']],
    ['Call Flow to a missing flow', ['OC-FLOPACK-FLOW-REF']],
    ['Call Flow to a flow without Helper Flow card', ['OC-FLOPACK-FLOW-REF']],
    ['Call Flow to a flow without data', ['OC-FLOPACK-STRUCTURE']],
    ['Call Flow to a flow that is not an object', ['OC-FLOPACK-FLOW-REF', 'OC-FLOPACK-STRUCTURE']],
    ['Call Flow arguments', ['OC-FLOPACK-CALL-ARGS']],
    ['no action flow', ['OC-CB-NO-ACTION-FLOW']],
    ['pins into cards of other flows', ['OC-FLOPACK-PIN-TARGET']],
    ['bad ids', ['OC-FLOPACK-ID-FORMAT', 'OC-FLOPACK-ID-MISMATCH', 'OC-FLOPACK-ORDERING']],
    ['missing envelope keys', ['OC-FLOPACK-TOP', 'OC-FLOPACK-CHECKSUM']],
    ['flows that are not objects', ['OC-FLOPACK-STRUCTURE']],
    ['folders, configs and tables missing', ['OC-FLOPACK-FOLDER-REF']],
    ['connections and tables', ['OC-FLOPACK-CONFIG-REF', 'OC-FLOPACK-TABLE-REF', 'OC-FLOPACK-FOLDER-REF']],
    ['flows sharing one object', ['OC-FLOPACK-STRUCTURE', 'OC-FLOPACK-ID-MISMATCH']],
    ['scheduled without cron', ['OC-FLOPACK-SCHEDULE', 'OC-FLOPACK-PREVIEW']],
    ['flows in reverse order', ['OC-FLOPACK-PIN-TARGET']],
    ['data.flos is a list', ['OC-FLOPACK-TOP']],
    ['no data', ['OC-FLOPACK-TOP']],
    ['top level is a list', ['OC-FLOPACK-TOP']],
  ])('on a copy with %s (it finds %j)', (name, expected) => {
    const entry = mutated.find((m) => m.name.includes(name))!;
    expect(entry, name).toBeDefined();
    const found = codes(expectSame(entry));
    for (const code of expected) expect(found, `${name}: ${code}`).toContain(code);
  });

  it('on every hand-made breakage, and the pin hint that needs another flow', () => {
    for (const entry of mutated) expectSame(entry);
    const pins = lintFlopack(mutated.find((m) => m.name.includes('pins into'))!.data, { connector: true });
    const messages = pins.filter((d) => d.code === 'OC-FLOPACK-PIN-TARGET').map((d) => d.message);
    // One into an earlier flow, one into a later flow (only known at the end), one into no flow at all.
    expect(messages.filter((m) => m.endsWith('(it is in another flow or inline flo)'))).toHaveLength(2);
    expect(messages.filter((m) => m.endsWith('nowhere1234, which is not in this flow scope'))).toHaveLength(
      1,
    );
    expect(messages).toHaveLength(3);
  });

  it('on seeded random breakages of a generated connector and two real exports', () => {
    const twilio = generated[0]!.data;
    const sample = fixtures.find((f) => f.name.endsWith('send_sms_via_twilio.flopack'))!.data;
    const small = fixtures.find((f) => f.name.endsWith('non_built_in_okta_groups.flopack'))!.data;
    const fuzzed = [
      ...fuzzedEntries(twilio, 60, 1, 'twilio'),
      ...fuzzedEntries(sample, 60, 2, 'twilio sample'),
      ...fuzzedEntries(small, 60, 3, 'groups sample'),
    ];
    const found = codes(fuzzed.flatMap(expectSame));
    // The breakages reach rules of every kind: per card, per flow, across flows, the envelope.
    for (const code of ['OC-FLOPACK-ADDRESS', 'OC-FLOPACK-PREVIEW', 'OC-FLOPACK-FLOW-REF', 'OC-FLOPACK-TOP'])
      expect(found).toContain(code);
  });

  it('with `checked` flows (the test folder): their cards are skipped, file-wide checks still see them', () => {
    for (const entry of generated) {
      const broken = structuredClone(entry.data);
      for (const flo of Object.values(broken.data.flos) as Array<{
        data: { methods: Array<{ uuid: string }> };
      }>)
        flo.data.methods[0]!.uuid = 'short';
      const flos = Object.values(broken.data.flos) as object[];
      const checked = new Set(flos.filter((_, i) => i % 2 === 0));
      const whole = lintFlopack(broken, { connector: true, file: FILE, checked });
      expect(flowByFlow(broken, true, checked)).toEqual(whole);
      const idFormat = whole.filter((d) => d.code === 'OC-FLOPACK-ID-FORMAT');
      expect(idFormat.length).toBe(flos.length - checked.size);
    }
  });
});

/**
 * The build's two threads (handoff-package/flow-split.ts): a run over the first `k` flows, and a run over the rest
 * that reads them from the back and whose part (posted between threads, so cloned) the first absorbs.
 */
function inTwoRuns(data: unknown, connector: boolean, k: number): Diagnostic[] {
  const flos = isObject(data) && isObject(data.data) && isObject(data.data.flos) ? data.data.flos : {};
  const entries = Object.entries(flos);
  const front = lintFlowByFlow({ connector, file: FILE });
  const back = lintFlowByFlow({ connector, file: FILE });
  const found = entries.slice(0, k).flatMap(([id, flo]) => front.flow(id, flo));
  found.push(
    ...entries
      .slice(k)
      .reverse()
      .flatMap(([id, flo]) => back.flow(id, flo)),
  );
  const part = structuredClone(back.part());
  part.summaries.reverse();
  front.absorb(part);
  return [...found, ...front.finish(envelopeOf(data))];
}

/** The same findings in any order. */
const asSet = (found: Diagnostic[]) => found.map((d) => JSON.stringify(d)).sort();

describe('a lint split between two runs (the build on two threads)', () => {
  it('finds what one run finds, wherever the split falls', () => {
    const fuzzed = [
      ...fuzzedEntries(generated[0]!.data, 20, 4, 'twilio'),
      ...fuzzedEntries(
        fixtures.find((f) => f.name.endsWith('send_sms_via_twilio.flopack'))!.data,
        20,
        5,
        'sample',
      ),
    ];
    // Two threads never share an object, so two flows sharing one cannot be split between runs.
    const entries = [...fixtures, ...generated, ...mutated, ...fuzzed].filter(
      (e) => !e.name.includes('flows sharing one object'),
    );
    let compared = 0;
    for (const entry of entries) {
      const data = entry.data as unknown;
      const count =
        isObject(data) && isObject(data.data) && isObject(data.data.flos)
          ? Object.keys(data.data.flos).length
          : 0;
      for (const connector of [true, false]) {
        const whole = asSet(lintFlopack(data, { connector, file: FILE }));
        // All flows in the second run (read from the back), an even split, and all but the last in the first.
        for (const k of new Set([0, Math.floor(count / 2), Math.max(count - 1, 0)])) {
          expect(asSet(inTwoRuns(data, connector, k)), `${entry.name}, split at ${k}`).toEqual(whole);
          compared += whole.length;
        }
      }
    }
    // Findings of every kind were compared, not only clean files.
    expect(compared).toBeGreaterThan(500);
  });

  it('gives a part that survives a trip between threads whole (plain data)', () => {
    const run = lintFlowByFlow({ connector: true, file: FILE });
    for (const [id, flo] of Object.entries(generated[0]!.data.data.flos)) run.flow(id, flo);
    const part = run.part();
    expect(structuredClone(part)).toEqual(part);
    expect(part.summaries.length).toBe(Object.keys(generated[0]!.data.data.flos).length);
    expect(part.cardUuids.length).toBeGreaterThan(part.summaries.length);
  });
});

describe('what flow by flow reports when', () => {
  it('reports per-flow findings from flow() and cross-flow ones from finish()', () => {
    const entry = mutated.find((m) => m.name.includes('Call Flow to a missing flow'))!;
    const lint = lintFlowByFlow({ connector: true, file: FILE });
    const perFlow = Object.entries(entry.data.data.flos).flatMap(([id, flo]) => lint.flow(id, flo));
    expect(perFlow).toEqual([]);
    expect(lint.finish(envelopeOf(entry.data))).toMatchObject([
      {
        code: 'OC-FLOPACK-FLOW-REF',
        file: FILE,
        message: expect.stringContaining('which is not in this file'),
      },
    ]);
  });

  it('envelopeOf drops the flows and nothing else, and leaves a malformed file as it is', () => {
    const fp = generated[0]!.data;
    const envelope = envelopeOf(fp) as typeof fp;
    expect(envelope.data.flos).toEqual({});
    expect({ ...envelope, data: { ...envelope.data, flos: fp.data.flos } }).toEqual(fp);
    expect(fp.data.flos).not.toEqual({});
    const list = { data: { flos: [] } };
    expect(envelopeOf(list)).toBe(list);
  });
});

/** Every object reachable from `root`, including Map and Set members. */
function objectsOf(root: unknown, into = new Set<object>()): Set<object> {
  const stack = [root];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || into.has(v)) continue;
    into.add(v);
    if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else if (v instanceof Set) for (const x of v) stack.push(x);
    else stack.push(...Object.values(v));
  }
  return into;
}

describe('between flows the lint keeps small plain facts, never a flo', () => {
  it('keeps no object of the flopack, and nothing but plain records, strings, numbers and booleans', () => {
    for (const entry of [...generated, ...mutated]) {
      const run = startLintRun(LINT_RULES, true);
      const flos = isObject(entry.data?.data?.flos) ? entry.data.data.flos : {};
      for (const [id, flo] of Object.entries(flos)) run.flow(id, flo);
      const kept = objectsOf(run.retained());
      const document = objectsOf(entry.data);
      for (const o of kept) {
        expect(document.has(o), entry.name).toBe(false);
        const proto = Object.getPrototypeOf(o);
        expect(
          [Object.prototype, Array.prototype, Set.prototype, Map.prototype].includes(proto) ||
            o === run.retained().index,
          `${entry.name}: ${proto?.constructor?.name}`,
        ).toBe(true);
      }
      // Primitives only at the leaves (no functions, no symbols).
      expect(JSON.stringify(run.retained(), (_k, v) => (v instanceof Set ? [...v] : v))).toBeTruthy();
    }
  });

  it('keeps a couple of hundred bytes per flow of a generated connector', () => {
    const fp = generated[0]!.data;
    const run = startLintRun(LINT_RULES, true);
    for (const [id, flo] of Object.entries(fp.data.flos)) run.flow(id, flo);
    const { index, notes } = run.retained();
    const kept = JSON.stringify({ summaries: index.summaries, notes, called: [...index.called] }).length;
    const uuids = [...index.cardUuids].join('').length;
    const flows = index.summaries.length;
    // Measured on Twilio: ~240 bytes per flow (its summary, its folder for OC-FLOPACK-FOLDER-REF), plus the card
    // uuids (10 characters each, for OC-FLOPACK-PIN-TARGET's "in another flow").
    expect(kept / flows).toBeLessThan(400);
    expect(uuids).toBeLessThan(JSON.stringify(fp).length / 100);
  });
});

describe('a rule that throws', () => {
  it('becomes one OC-LINT-INTERNAL diagnostic, and is not called again in later flows', () => {
    let calls = 0;
    const rule = lintRule('OC-TEST-THROWS', 'error', {
      description: 'throws on every card',
      card() {
        calls += 1;
        throw new Error('boom');
      },
    });
    const run = startLintRun([rule], false);
    const fp = generated[0]!.data;
    const found = Object.entries(fp.data.flos).flatMap(([id, flo]) => run.flow(id, flo));
    expect([...found, ...run.finish(envelopeOf(fp))]).toEqual([
      {
        severity: 'error',
        code: INTERNAL_CODE,
        message: 'rule OC-TEST-THROWS could not check this file (boom); this is a bug in okta-connector',
      },
    ]);
    expect(calls).toBe(1);
  });

  it('in its file-wide check too', () => {
    const rule = lintRule('OC-TEST-THROWS', 'error', {
      description: 'throws at the end',
      check() {
        throw new Error('late');
      },
    });
    const run = startLintRun([rule], false);
    expect(run.finish({})).toMatchObject([
      { code: INTERNAL_CODE, message: expect.stringContaining('(late)') },
    ]);
    expect(() => run.finish({})).toThrow(/twice/);
  });
});
