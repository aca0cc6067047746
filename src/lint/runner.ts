import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FlopackReading } from '../flopack/read/index.js';
import type { LintContext, LintRule } from './types.js';

export const INTERNAL_CODE = 'OC-LINT-INTERNAL';

/**
 * Runs every rule over the read file in one walk. Findings come back rule by rule, each rule's in walk order; a
 * rule that throws becomes one diagnostic (and is not called again), never an exception.
 */
export function runRules(
  reading: FlopackReading,
  connector: boolean,
  rules: readonly LintRule[],
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
  const guard = (i: number, call: (rule: LintRule, ctx: LintContext) => void): void => {
    if (broken.has(i)) return;
    const rule = rules[i]!;
    try {
      call(rule, contexts[i]!);
    } catch (error) {
      broken.add(i);
      found[i]!.push({
        severity: 'error',
        code: INTERNAL_CODE,
        message: `rule ${rule.code} could not check this file (${error instanceof Error ? error.message : String(error)}); this is a bug in okta-connector`,
      });
    }
  };
  const having = (hook: 'check' | 'scope' | 'card') => rules.flatMap((r, i) => (r[hook] ? [i] : []));
  const fileRules = having('check');
  const scopeRules = having('scope');
  const cardRules = having('card');
  for (const i of fileRules) guard(i, (rule, ctx) => rule.check!(ctx));
  for (const scope of reading.scopes) {
    for (const i of scopeRules) guard(i, (rule, ctx) => rule.scope!(scope, ctx));
    for (const card of scope.cards) for (const i of cardRules) guard(i, (rule, ctx) => rule.card!(card, ctx));
  }
  return found.flat();
}
