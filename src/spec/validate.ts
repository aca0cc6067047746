import { dirname, resolve } from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticsError } from '../errors.js';
import { loadSourceFile, type SourceDocument } from '../source/document.js';
import { SPEC_RULES } from './rules/index.js';
import { checkStructure } from './structural.js';
import type { ConnectorSpec } from './types.js';

export interface SpecValidation {
  /** Set when there are no errors (warnings allowed). */
  spec?: ConnectorSpec;
  doc?: SourceDocument;
  diagnostics: Diagnostic[];
}

/**
 * Structural check first (the rules may then trust the shape), then every semantic rule.
 * @param specDir folder the spec's relative paths (icon) resolve against; defaults to the file's folder.
 */
export function validateSpec(doc: SourceDocument, specDir = dirname(resolve(doc.file))): Diagnostic[] {
  const structural = checkStructure(doc);
  if (structural.length > 0) return sortDiagnostics(structural);
  const spec = doc.data as ConnectorSpec;
  // One context for every rule: what several rules need is computed once per context (rules/templated.ts).
  const ctx = { spec, specDir };
  const findings = SPEC_RULES.flatMap((rule) => rule.check(ctx));
  return sortDiagnostics(findings.map(({ pointer, ...rest }) => doc.at(pointer, rest)));
}

/**
 * Loads and validates a spec file; unreadable or unparsable files come back as diagnostics, never as throws. Even a
 * bug in a rule comes back as an OC-INTERNAL diagnostic naming the file, so a caller's loop over files goes on.
 */
export async function validateSpecFile(path: string, displayName = path): Promise<SpecValidation> {
  let doc: SourceDocument;
  let diagnostics: Diagnostic[];
  try {
    doc = await loadSourceFile(path, displayName);
    diagnostics = validateSpec(doc, dirname(resolve(path)));
  } catch (error) {
    if (error instanceof DiagnosticsError) return { diagnostics: error.diagnostics };
    const message = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [
        {
          severity: 'error',
          code: 'OC-INTERNAL',
          file: displayName,
          message: `okta-connector could not validate this file: ${message.split('\n')[0]}`,
          hint: 'this is a bug in okta-connector; please report it with the file',
        },
      ],
    };
  }
  return hasErrors(diagnostics)
    ? { doc, diagnostics }
    : { spec: doc.data as ConnectorSpec, doc, diagnostics };
}

/** For commands that need a valid spec: returns it, or throws DiagnosticsError with everything found. */
export async function loadValidSpec(
  path: string,
  displayName = path,
): Promise<{ spec: ConnectorSpec; doc: SourceDocument; warnings: Diagnostic[] }> {
  const result = await validateSpecFile(path, displayName);
  if (!result.spec || !result.doc) throw new DiagnosticsError(result.diagnostics);
  return { spec: result.spec, doc: result.doc, warnings: result.diagnostics };
}
