import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject, objectOr, readFlow } from '../flopack/read/index.js';
import { FlowIndex, type FlowSummary } from './summary.js';
import type { FileContext, Finding, FlowContext, LintRule } from './types.js';

export const INTERNAL_CODE = 'OC-LINT-INTERNAL';

/** One lint of one file, fed flow by flow (see LintRule for the order of the hooks). */
export interface LintRun {
  /** Reads and checks one top-level flow (`id` is its key in `data.flos`); returns what needs only this flow. */
  flow(id: string, flo: unknown): Diagnostic[];
  /** After the last flow: what compares flows or needs the envelope (`data.flos` is not read). Call once. */
  finish(envelope: unknown): Diagnostic[];
  /**
   * What the run learned from its flows, as plain data (it can be posted between threads): a run over the file's
   * earlier flows `absorb`s it before `finish`, and finds what one run over every flow finds.
   */
  part(): LintPart;
  /** Takes in the part of a run over the flows after this run's own (call after this run's last flow). */
  absorb(part: LintPart): void;
  /** What the run keeps between flows (for tests: plain data only, never part of a flo). */
  retained(): { index: FlowIndex; notes: readonly unknown[][] };
}

/**
 * A run's flows summarized, with what its rules noted and which of them broke. Per-flow hooks check a reference at
 * once when the flow it names was read before, and note it for `check` otherwise, so splitting a file's flows
 * between runs only moves findings from the per-flow hooks to `check`: the same findings either way.
 */
export interface LintPart {
  /** In `data.flos` order. */
  summaries: FlowSummary[];
  called: string[];
  cardUuids: string[];
  /** Per rule (the runs have the same rules, in the same order), in walk order. */
  notes: unknown[][];
  /** Rules that threw (their OC-LINT-INTERNAL diagnostic was already returned by `flow`). */
  broken: number[];
}

/**
 * Starts a run of `rules`. A rule that throws becomes one OC-LINT-INTERNAL diagnostic and is not called again, never
 * an exception. `checked` holds flo objects an earlier run already checked with the same `connector`: their scopes
 * and cards are left out; `flow` hooks and the file-wide `check` still see them.
 */
export function startLintRun(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own kind of note
  rules: readonly LintRule<any>[],
  connector: boolean,
  checked?: ReadonlySet<object>,
): LintRun {
  const index = new FlowIndex();
  const notes: unknown[][] = rules.map(() => []);
  const broken = new Set<number>();
  // Shared by the flows of the file, weakly: an inline flo reached twice is reported as readFlopack reports it.
  const seen = new WeakSet<object>();
  let found: Diagnostic[] = [];
  const reporter = (rule: LintRule<unknown>) => (f: Finding) => {
    const d: Diagnostic = {
      severity: rule.severity,
      code: rule.code,
      message: f.message,
      pointer: f.pointer,
    };
    if (f.where) d.where = f.where;
    if (f.hint) d.hint = f.hint;
    found.push(d);
  };
  const contexts: FlowContext<unknown>[] = rules.map((rule, i) => ({
    connector,
    report: reporter(rule),
    flows: index,
    note: (fact) => void notes[i]!.push(fact),
  }));
  const fail = (i: number, error: unknown): void => {
    broken.add(i);
    found.push({
      severity: 'error',
      code: INTERNAL_CODE,
      message: `rule ${rules[i]!.code} could not check this file (${error instanceof Error ? error.message : String(error)}); this is a bug in okta-connector`,
    });
  };
  const having = (hook: 'flow' | 'scope' | 'card' | 'check') => rules.flatMap((r, i) => (r[hook] ? [i] : []));
  const flowRules = having('flow');
  const scopeRules = having('scope');
  const cardRules = having('card');
  const checkRules = having('check');
  const take = (): Diagnostic[] => {
    const out = found;
    found = [];
    return out;
  };
  let finished = false;
  return {
    flow(id, flo) {
      if (finished) throw new Error('lint: flow() after finish()');
      const reading = readFlow(id, flo, seen);
      index.add(reading);
      // Plain loops with the try/catch inline: a closure per card and rule was a measurable share of large lints.
      for (const i of flowRules) {
        if (broken.has(i)) continue;
        try {
          rules[i]!.flow!(reading, contexts[i]!);
        } catch (error) {
          fail(i, error);
        }
      }
      if (checked?.has(flo as object)) return take();
      for (const scope of reading.scopes) {
        for (const i of scopeRules) {
          if (broken.has(i)) continue;
          try {
            rules[i]!.scope!(scope, contexts[i]!);
          } catch (error) {
            fail(i, error);
          }
        }
        for (const card of scope.cards) {
          for (const i of cardRules) {
            if (broken.has(i)) continue;
            try {
              rules[i]!.card!(card, contexts[i]!);
            } catch (error) {
              fail(i, error);
            }
          }
        }
      }
      return take();
    },
    finish(envelope) {
      if (finished) throw new Error('lint: finish() called twice');
      finished = true;
      const data = isObject(envelope) && isObject(envelope.data) ? envelope.data : undefined;
      const file = {
        connector,
        root: envelope,
        data,
        configs: objectOr(data?.configs),
        tables: objectOr(data?.tables),
        groups: objectOr(data?.groups),
        flows: index,
      };
      for (const i of checkRules) {
        if (broken.has(i)) continue;
        const ctx: FileContext<unknown> = { ...file, report: reporter(rules[i]!), notes: notes[i]! };
        try {
          rules[i]!.check!(ctx);
        } catch (error) {
          fail(i, error);
        }
      }
      return take();
    },
    part: () => ({
      summaries: [...index.summaries],
      called: [...index.called],
      cardUuids: [...index.cardUuids],
      notes,
      broken: [...broken],
    }),
    absorb(part) {
      if (finished) throw new Error('lint: absorb() after finish()');
      index.absorb(part.summaries, part.called, part.cardUuids);
      part.notes.forEach((noted, i) => notes[i]!.push(...noted));
      for (const i of part.broken) broken.add(i);
    },
    retained: () => ({ index, notes }),
  };
}
