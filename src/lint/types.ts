import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { CardInfo, FlopackReading, Scope } from '../flopack/read/index.js';

/** What a rule reports; the runner adds the code, severity, file and position. */
export interface Finding {
  message: string;
  pointer: string;
  where?: string;
  hint?: string;
}

/** The file as the read model sees it, and where to report. */
export interface LintContext extends FlopackReading {
  /** Whether Connector Builder's CBDE checks apply. */
  connector: boolean;
  report(finding: Finding): void;
}

/**
 * One check. A rule implements whichever hooks it needs; the runner walks the file once and calls `check` for the
 * whole file, then `scope` for every scope (top-level flows first, inline flos after their flow's cards) and
 * `card` for every card of that scope.
 */
export interface LintRule {
  /** Stable code, defined once in the rule's file. */
  code: string;
  severity: Severity;
  /** One line for `--help`-style listings and the report table. */
  description: string;
  check?(ctx: LintContext): void;
  scope?(scope: Scope, ctx: LintContext): void;
  card?(card: CardInfo, ctx: LintContext): void;
}

export type { Diagnostic };

/** A rule: its code (defined here, in the rule's own file) and severity, then its description and hooks. */
export function lintRule(
  code: string,
  severity: Severity,
  rule: Pick<LintRule, 'description' | 'check' | 'scope' | 'card'>,
): LintRule {
  return { code, severity, ...rule };
}
