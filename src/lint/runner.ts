import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FlopackReading } from '../flopack/read/index.js';
import type { LintContext, LintRule } from './types.js';

export const INTERNAL_CODE = 'OC-LINT-INTERNAL';

/**
 * Runs every rule over the read file in one walk. Findings come back rule by rule, each rule's in walk order; a
 * rule that throws becomes one diagnostic (and is not called again), never an exception. `skip` names flows (by
 * top-level id) whose scopes and cards are left out; file-wide checks still run over everything.
 */
export function runRules(
  reading: FlopackReading,
  connector: boolean,
  rules: readonly LintRule[],
  skip?: (flowId: string) => boolean,
): Diagnostic[] {
  const found: Diagnostic[][] = rules.map(() => []);
  const broken = new Set<number>();
  const contexts: LintContext[] = rules.map((rule, i) => ({
    ...reading,
    connector,
    report: (f) => {
      const d: Diagnostic = {
        severity: rule.severity,
        code: rule.code,
        message: f.message,
        pointer: f.pointer,
      };
      if (f.where) d.where = f.where;
      if (f.hint) d.hint = f.hint;
      found[i]!.push(d);
    },
  }));
  const fail = (i: number, error: unknown): void => {
    broken.add(i);
    found[i]!.push({
      severity: 'error',
      code: INTERNAL_CODE,
      message: `rule ${rules[i]!.code} could not check this file (${error instanceof Error ? error.message : String(error)}); this is a bug in okta-connector`,
    });
  };
  // Plain loops with the try/catch inline: a closure per card and rule was a measurable share of large lints.
  const having = (hook: 'check' | 'scope' | 'card') => rules.flatMap((r, i) => (r[hook] ? [i] : []));
  for (const i of having('check')) {
    try {
      rules[i]!.check!(contexts[i]!);
    } catch (error) {
      fail(i, error);
    }
  }
  const scopeRules = having('scope');
  const cardRules = having('card');
  for (const scope of reading.scopes) {
    if (skip?.(scope.flowId)) continue;
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
  return found.flat();
}
