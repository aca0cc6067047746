import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Flo, Flopack } from '../flopack/types.js';
import { lintFlowByFlow, type FlowByFlowLint } from '../lint/flow-by-flow.js';
import type { ConnectorSpec } from '../spec/types.js';
import { credentialValuesIn, type CredentialFinding } from './credentials.js';
import { DocumentWriter, type DocumentCommon, type RenderedDocuments } from './documents.js';
import type { GeneratedFlow } from './types.js';

/** What the build derives from the flows it has written. */
export interface ReadBackResult {
  /** The flopack's lint errors (a generator bug if any). */
  lintErrors: Diagnostic[];
  /** Fields that would hold a fixed credential value. */
  credentials: CredentialFinding[];
  documents: RenderedDocuments;
}

/**
 * Each flow of the flopack, once written, read back flow by flow: checked by lint (flow by flow, then across flows),
 * searched for fixed credentials, and turned into its build-sheet sections and docs. Nothing of a flow is kept but
 * those results, so this works on a 1,000-action connector in little memory, on this thread or a worker
 * (read-back-thread.ts).
 */
export class ReadBack {
  private readonly lint: FlowByFlowLint;
  private readonly documents: DocumentWriter;
  private readonly lintErrors: Diagnostic[] = [];
  private readonly credentials: CredentialFinding[] = [];

  constructor(
    spec: ConnectorSpec,
    private readonly flows: readonly GeneratedFlow[],
    common: DocumentCommon,
  ) {
    this.lint = lintFlowByFlow({ connector: true, file: common.flopackFile });
    this.documents = new DocumentWriter(spec, flows, common);
  }

  /** The `index`th flow of the plan (0-based), as built or as parsed back from its bytes. */
  flow(index: number, flo: Flo): void {
    this.lintErrors.push(...errorsOnly(this.lint.flow(this.flows[index]!.floId, flo)));
    this.credentials.push(...credentialValuesIn(flo));
    this.documents.flow(index, flo);
  }

  /** After the last flow; `envelope` is the flopack around the flows. */
  finish(envelope: Flopack): ReadBackResult {
    this.lintErrors.push(...errorsOnly(this.lint.finish(envelope)));
    return { lintErrors: this.lintErrors, credentials: this.credentials, documents: this.documents.finish() };
  }
}

function errorsOnly(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}
