import { hasErrors } from '../diagnostics/diagnostic.js';
import {
  formatDiagnostics,
  formatGithub,
  formatJson,
  noPaint,
  type DiagnosticFormat,
  type Paint,
} from '../diagnostics/format.js';
import type { BuildResult, WrittenFile } from './types.js';
import { maxOf } from '../util/append.js';

export interface ReportOptions {
  format: DiagnosticFormat;
  paint?: Paint;
  /** Turns an absolute path into what the user should see (relative to their cwd). */
  display: (path: string) => string;
  /** The spec argument as typed, for messages. */
  spec: string;
  /** The command that rebuilds the package, for the --check hint. */
  rerun: string;
}

/** What `build` prints: diagnostics and problems on stderr, the summary (or JSON) on stdout. */
export function formatBuildReport(
  result: BuildResult,
  options: ReportOptions,
): { stdout: string; stderr: string } {
  const paint = options.paint ?? noPaint;
  const dir = result.packageDir ? options.display(result.packageDir) : undefined;
  if (options.format === 'json') return { stdout: jsonReport(result, dir), stderr: '' };
  const diagnostics = result.diagnostics.length
    ? options.format === 'github'
      ? formatGithub(result.diagnostics)
      : formatDiagnostics(result.diagnostics, 'human', paint)
    : '';
  if (!result.packageDir || hasErrors(result.diagnostics)) {
    const tail = hasErrors(result.diagnostics) ? `${paint.red('✘')} build failed: nothing was written\n` : '';
    return { stdout: '', stderr: diagnostics + tail };
  }
  if (result.stale) {
    const { changed, missing, extra } = result.stale;
    const lines: string[] = [];
    const list = (label: string, paths: string[]) => {
      for (const p of paths) {
        lines.push(
          options.format === 'github'
            ? `::error file=${dir}/${p},title=OC-BUILD-STALE::${label}: ${dir}/${p}\n`
            : `  ${label.padEnd(8)} ${dir}/${p}\n`,
        );
      }
    };
    list('changed', changed);
    list('missing', missing);
    list('extra', extra);
    if (lines.length === 0) {
      return {
        stdout: `${paint.green('✔')} ${dir} is up to date (${result.files.length} files)\n`,
        stderr: diagnostics,
      };
    }
    const count = changed.length + missing.length + extra.length;
    const head =
      options.format === 'github'
        ? ''
        : `${paint.red('✘')} ${dir} is stale: ${count} file${count === 1 ? '' : 's'} differ from what ${options.spec} produces\n`;
    const hint = `to update it, run: ${options.rerun}\n`;
    return { stdout: '', stderr: diagnostics + head + lines.join('') + hint };
  }
  return { stdout: summary(result, dir ?? '.', paint), stderr: diagnostics };
}

function jsonReport(result: BuildResult, dir: string | undefined): string {
  const diagnostics = JSON.parse(formatJson(result.diagnostics)) as {
    diagnostics: unknown;
    summary: unknown;
  };
  return (
    JSON.stringify(
      {
        ok: result.ok,
        packageDir: dir ?? null,
        files: result.files,
        flows: result.flows,
        stale: result.stale ?? null,
        removed: result.removed,
        diagnostics: diagnostics.diagnostics,
        summary: diagnostics.summary,
      },
      null,
      2,
    ) + '\n'
  );
}

/** One line per file, with many docs/actions pages folded into one line so 1,000 actions stay readable. */
function summary(result: BuildResult, dir: string, paint: Paint): string {
  const lines = [`${paint.green('✔')} built ${dir}/`];
  const actions = result.files.filter((f) => f.path.startsWith('docs/actions/'));
  const shown: Array<{ path: string; bytes: number }> = result.files.filter(
    (f) => !f.path.startsWith('docs/actions/'),
  );
  if (actions.length > 0) {
    const foldAt = 8;
    if (actions.length <= foldAt) shown.push(...actions);
    else shown.push({ path: `docs/actions/*.md (${actions.length} files)`, bytes: total(actions) });
  }
  shown.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const width = maxOf(
    shown.map((f) => f.path.length),
    0,
  );
  for (const f of shown) lines.push(`  ${f.path.padEnd(width)}  ${paint.dim(size(f.bytes).padStart(9))}`);
  const kinds = result.flows.map((f) => `${f.name} (${f.kind}, ${f.cards} cards)`);
  const flowList = kinds.length > 12 ? [...kinds.slice(0, 10), `… ${kinds.length - 10} more`] : kinds;
  lines.push(`${result.flows.length} flow${result.flows.length === 1 ? '' : 's'}: ${flowList.join(', ')}`);
  if (result.removed.length > 0) lines.push(`removed from the previous build: ${result.removed.join(', ')}`);
  return lines.join('\n') + '\n';
}

function total(files: readonly WrittenFile[]): number {
  return files.reduce((sum, f) => sum + f.bytes, 0);
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
