import type { Paint } from '../diagnostics/format.js';
import type { Impact, SpecChange } from './changes.js';
import type { Bump } from './semver.js';

export interface DiffReport {
  from: { file: string; version: string };
  to: { file: string; version: string };
  changes: SpecChange[];
  requiredBump: Bump;
  actualBump: Bump;
  ok: boolean;
}

const TITLES: Record<Impact, string> = { breaking: 'Breaking', additive: 'Additive', cosmetic: 'Cosmetic' };

export function formatDiffHuman(report: DiffReport, paint: Paint): string {
  const lines = [`${report.from.file} (${report.from.version}) → ${report.to.file} (${report.to.version})`];
  if (report.changes.length === 0) lines.push(paint.green('no changes users could notice'));
  for (const impact of ['breaking', 'additive', 'cosmetic'] as const) {
    const group = report.changes.filter((c) => c.impact === impact);
    if (group.length === 0) continue;
    const colour = impact === 'breaking' ? paint.red : impact === 'additive' ? paint.yellow : paint.dim;
    lines.push('', colour(`${TITLES[impact]} (${group.length})`));
    for (const c of group) lines.push(`  ${c.subject}: ${c.message}`);
  }
  lines.push('');
  lines.push(
    report.ok
      ? paint.green(
          `✔ version bump ${report.actualBump} covers the changes (needs at least ${report.requiredBump})`,
        )
      : paint.red(
          `✘ the changes need a ${report.requiredBump} version bump; ${report.from.version} → ${report.to.version} is ${report.actualBump === 'none' ? 'no bump' : `a ${report.actualBump} bump`}`,
        ),
  );
  return lines.join('\n') + '\n';
}
