import { relative, resolve } from 'node:path';
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics, type DiagnosticFormat, type Paint } from '../diagnostics/format.js';
import { toolInfo } from '../util/tool-info.js';
import { validateSpecFile } from './validate.js';
import { append } from '../util/append.js';

export interface ValidateFilesOptions {
  cwd: string;
  format: DiagnosticFormat;
  paint: Paint;
  maxWarnings?: number;
}

/** `validate` for many files: diagnostics for all of them, formatted, and the exit code (0 valid, 1 invalid). */
export async function validateFiles(
  files: readonly string[],
  options: ValidateFilesOptions,
): Promise<{ output: string; exitCode: number; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const path = resolve(options.cwd, file);
    const shown = relative(options.cwd, path) || file;
    append(diagnostics, (await validateSpecFile(path, shown.startsWith('..') ? path : shown)).diagnostics);
  }
  const counts = countBySeverity(diagnostics);
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
  const output = formatDiagnostics(diagnostics, options.format, options.paint, files.length, toolInfo());
  return { output, exitCode: counts.error > 0 || tooManyWarnings ? 1 : 0, diagnostics };
}
