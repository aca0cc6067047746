import type { Paint } from '../../diagnostics/format.js';

/** What an import did, for the summary on stderr and for callers of the library. */
export interface ImportSummary {
  /** The description as the user named it. */
  file: string;
  title: string;
  sourceVersion: string;
  /** Operations in the description, and how many were selected. */
  total: number;
  selected: number;
  imported: Array<{ operation: string; operationId?: string; name: string; notes: string[] }>;
  skipped: Array<{ operation: string; operationId?: string; reason: string }>;
  authentication: string;
  authping: string;
  baseUrl: string;
  /** How many REVIEW comments the file carries. */
  reviews: number;
}

/** Listing every imported action past this many only repeats the file. */
const LIST_IMPORTED_UP_TO = 25;

/** The summary printed on stderr: imported, skipped with the reason, what was left out, what to review. */
export function formatImportSummary(
  summary: ImportSummary,
  written: string | undefined,
  paint: Paint,
): string {
  const lines: string[] = [];
  lines.push(
    `${paint.green('Imported')} ${summary.imported.length} of ${summary.selected} selected operations (${summary.total} in ${summary.title}, OpenAPI ${summary.sourceVersion})${written ? ` into ${written}` : ''}`,
  );
  lines.push(`  authentication: ${summary.authentication}`);
  lines.push(`  base URL: ${summary.baseUrl}`);
  lines.push(`  health check: ${summary.authping}`);
  const listAll = summary.imported.length <= LIST_IMPORTED_UP_TO;
  for (const a of summary.imported) {
    if (listAll) lines.push(`  ${paint.green('+')} ${a.name} ${paint.dim(`← ${a.operation}`)}`);
    for (const note of a.notes) lines.push(`    ${paint.dim(`${listAll ? '' : `${a.name}: `}${note}`)}`);
  }
  if (summary.skipped.length > 0) {
    lines.push(`${paint.yellow('Skipped')} ${summary.skipped.length}:`);
    for (const s of summary.skipped)
      lines.push(
        `  ${paint.yellow('-')} ${s.operation}${s.operationId ? ` (${s.operationId})` : ''}: ${s.reason}`,
      );
  }
  if (summary.reviews > 0)
    lines.push(
      `${paint.cyan('Review')} ${summary.reviews} comment${summary.reviews === 1 ? '' : 's'} marked REVIEW: in the spec (guesses).`,
    );
  return lines.join('\n') + '\n';
}
