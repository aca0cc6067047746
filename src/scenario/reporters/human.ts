import type { Paint } from '../../diagnostics/format.js';
import { noPaint } from '../../diagnostics/format.js';
import { show } from '../match.js';
import type { ScenarioResult, SuiteResult } from '../types.js';

/** One line per scenario (✓/✗ and ms), an expected-vs-actual diff under each failure, then `N passed, N failed`. */
export function formatHumanReport(suite: SuiteResult, paint: Paint = noPaint): string {
  const lines: string[] = [];
  for (const r of suite.results) {
    if (r.skipped !== undefined) {
      lines.push(`${paint.yellow('-')} ${r.name} ${paint.dim(`(skipped: ${r.skipped})`)}`);
      continue;
    }
    const mark = r.ok ? paint.green('✓') : paint.red('✗');
    lines.push(`${mark} ${r.name} ${paint.dim(`(${r.ms} ms)`)}`);
    if (!r.ok) lines.push(...failureLines(r, paint));
  }
  const summary = `${suite.passed} passed, ${suite.failed} failed${suite.skipped ? `, ${suite.skipped} skipped` : ''}`;
  lines.push(suite.failed ? paint.red(summary) : paint.green(summary));
  return lines.join('\n') + '\n';
}

function failureLines(r: ScenarioResult, paint: Paint): string[] {
  const lines = [`    ${paint.dim(r.file)}`];
  if (r.problem) lines.push(`    ${r.problem}`);
  for (const m of r.mismatches) {
    lines.push(`    ${paint.bold(m.path)}: ${m.message}`);
    lines.push(`      ${paint.green('- expected')} ${show(m.expected)}`);
    lines.push(`      ${paint.red('+ actual  ')} ${show(m.actual)}`);
  }
  return lines;
}
