import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../source/document.js';
import { isObject } from '../flopack/read/index.js';
import { looksLikeConnector } from './connector.js';
import { loadFlopackFile } from './load.js';
import { LINT_RULES } from './rules/index.js';
import { startLintRun } from './runner.js';
import type { BatchLocatingDocument } from './json-document.js';

export { LINT_RULES };
export type { LintRule, FlowContext, FileContext } from './types.js';
export type { FlowSummary } from './summary.js';
export type { LintPart } from './runner.js';
export { lintFlowByFlow, envelopeOf, type FlowByFlowLint, type FlowByFlowOptions } from './flow-by-flow.js';

export interface LintOptions {
  /** Name to put in diagnostics (defaults to `doc.file`). */
  file?: string;
  /** When given, diagnostics get a line and column for their pointer. */
  doc?: SourceDocument;
  /** Force Connector Builder checks on (true) or off (false); by default they apply when a flow is named
   *  `httpHelper` or `_authping`. */
  connector?: boolean;
  /**
   * Top-level flo objects whose flows an earlier run already checked with the same `connector` setting (the test
   * folder embeds the connector's flows): their scopes and cards are not checked again; file-wide checks (names,
   * roles, references) still see them.
   */
  checked?: ReadonlySet<object>;
}

/**
 * Checks a parsed flopack against Okta's import rules (reference §1.11) and, for connector projects, Connector
 * Builder's validations (§2.8). Never throws on malformed data: what cannot be read is reported.
 */
export function lintFlopack(data: unknown, options: LintOptions = {}): Diagnostic[] {
  const flos = isObject(data) && isObject(data.data) && isObject(data.data.flos) ? data.data.flos : {};
  const connector = options.connector ?? looksLikeConnector(flos);
  // The whole file is its flows one after the other, then the file-wide checks (the flow-by-flow lint's way too).
  const run = startLintRun(LINT_RULES, connector, options.checked?.size ? options.checked : undefined);
  const found: Diagnostic[] = [];
  for (const id of Object.keys(flos)) for (const d of run.flow(id, flos[id])) found.push(d);
  for (const d of run.finish(data)) found.push(d);
  const file = options.file ?? options.doc?.file;
  const doc = options.doc;
  // Positions only for what is reported, and in one pass when the document supports it.
  const pointers = doc ? found.flatMap((d) => (d.pointer === undefined ? [] : [d.pointer])) : [];
  const positions =
    doc && 'locateMany' in doc
      ? (doc as BatchLocatingDocument).locateMany(pointers)
      : new Map(pointers.map((p) => [p, doc?.locate(p)]));
  const located = found.map((d) => {
    const pos = d.pointer === undefined ? undefined : positions.get(d.pointer);
    return { ...(file ? { file } : {}), ...d, ...(pos ? { line: pos.line, column: pos.column } : {}) };
  });
  return sortDiagnostics(located);
}

/** Loads and lints one file; a file that cannot be read or parsed comes back as diagnostics, not an exception. */
export async function lintFile(
  path: string,
  options: { connector?: boolean; displayName?: string } = {},
): Promise<Diagnostic[]> {
  const loaded = await loadFlopackFile(path, options.displayName ?? path);
  if ('diagnostics' in loaded) return loaded.diagnostics;
  return lintFlopack(loaded.doc.data, {
    file: loaded.doc.file,
    doc: loaded.doc,
    connector: options.connector,
  });
}
