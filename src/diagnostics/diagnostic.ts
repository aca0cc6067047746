/** A finding about a user's file: a spec, a flopack, a scenario. Library code returns these; only the CLI prints them. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable code, e.g. `CBDE000003H` or `OC-SPEC-UNKNOWN-PLACEHOLDER`; defined once, next to the rule that emits it. */
  code: string;
  /** What was expected and what was found. */
  message: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** JSON pointer into the document, e.g. `/actions/2/request/path`. */
  pointer?: string;
  /** Where in a flopack: `flow "Send Message" › card "Compose" (7xGW_YVGv)`. */
  where?: string;
  /** A suggestion, e.g. `did you mean "to"?`. */
  hint?: string;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts by file, then position, then code, so output is stable whatever order rules ran in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}
