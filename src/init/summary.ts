import type { Paint } from '../diagnostics/format.js';
import type { InitResult } from './init.js';

/** What `init` prints after writing: the files, what it decided for the user, and the commands to run next. */
export function formatInitSummary(result: InitResult, paint: Paint): string {
  const lines = [
    `${paint.green('Created')} the ${result.spec.displayName} connector in ${result.shownDir === '.' ? 'the current folder' : result.shownDir}:`,
    ...result.written.map((f) => `  ${f}`),
  ];
  for (const f of result.kept) lines.push(paint.dim(`  ${f} (exists; left as it was)`));
  for (const note of result.notes) lines.push(`${paint.cyan('note:')} ${note}`);
  lines.push('', 'Next:', ...result.nextSteps.map((s) => `  ${s}`), '');
  return lines.join('\n');
}
