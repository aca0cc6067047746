import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LintModel } from './model.js';
import type { LintContext, LintRule } from './types.js';

export const INTERNAL_CODE = 'OC-LINT-INTERNAL';

/** Runs each rule over the indexed model; a rule that throws becomes one diagnostic, never an exception. */
export function runRules(model: LintModel, connector: boolean, rules: readonly LintRule[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const ctx: LintContext = {
      ...model,
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
        out.push(d);
      },
    };
    try {
      rule.check(ctx);
    } catch (error) {
      out.push({
        severity: 'error',
        code: INTERNAL_CODE,
        message: `rule ${rule.code} could not check this file (${error instanceof Error ? error.message : String(error)}); this is a bug in okta-connector`,
      });
    }
  }
  return out;
}
