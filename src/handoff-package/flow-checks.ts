import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Flo } from '../flopack/types.js';
import { lintFlowByFlow, type FlowByFlowLint, type LintPart } from '../lint/index.js';
import { credentialValuesIn, type CredentialFinding } from './credentials.js';

/**
 * What a build checks in each flow it generates, flow by flow (on each thread that builds flows): its lint errors
 * and any field that would hold a fixed credential. The file-wide lint checks come at the end (`lint.finish`).
 */
export class FlowChecks {
  readonly lint: FlowByFlowLint;
  readonly lintErrors: Diagnostic[] = [];
  readonly credentials: CredentialFinding[] = [];

  /** @param file the flopack's file name, for the diagnostics */
  constructor(file: string) {
    this.lint = lintFlowByFlow({ connector: true, file });
  }

  check(floId: string, flo: Flo): void {
    this.lintErrors.push(...errorsOnly(this.lint.flow(floId, flo)));
    this.credentials.push(...credentialValuesIn(flo));
  }

  /** Takes in what another thread's checks found in the flows after this thread's (flow-split.ts). */
  absorb(other: { lint: LintPart; lintErrors: Diagnostic[]; credentials: CredentialFinding[] }): void {
    this.lint.absorb(other.lint);
    this.lintErrors.push(...other.lintErrors);
    this.credentials.push(...other.credentials);
  }
}

export function errorsOnly(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}
