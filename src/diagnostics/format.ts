import { countBySeverity, sortDiagnostics, type Diagnostic } from './diagnostic.js';

export type DiagnosticFormat = 'human' | 'json' | 'github' | 'sarif';
export const DIAGNOSTIC_FORMATS: readonly DiagnosticFormat[] = ['human', 'json', 'github', 'sarif'];

/** Minimal colour interface so this module does not depend on chalk (the CLI passes chalk or a no-op). */
export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

export const noPaint: Paint = {
  red: (s) => s,
  yellow: (s) => s,
  cyan: (s) => s,
  dim: (s) => s,
  bold: (s) => s,
  green: (s) => s,
};

function location(d: Diagnostic): string {
  if (!d.file) return '';
  if (d.line === undefined) return d.file;
  return `${d.file}:${d.line}:${d.column ?? 1}`;
}

/** Compiler-style lines (`file:line:col  error  CODE  message`) that editors turn into links, then a summary. */
export function formatHuman(diagnostics: readonly Diagnostic[], paint: Paint = noPaint, checked = 1): string {
  const lines: string[] = [];
  for (const d of sortDiagnostics(diagnostics)) {
    const sev =
      d.severity === 'error'
        ? paint.red('error')
        : d.severity === 'warning'
          ? paint.yellow('warning')
          : paint.cyan('info');
    const loc = location(d);
    lines.push(`${loc ? paint.bold(loc) + '  ' : ''}${sev}  ${paint.dim(d.code)}  ${d.message}`);
    if (d.where) lines.push(`    ${paint.dim('at')} ${d.where}`);
    if (d.pointer) lines.push(`    ${paint.dim('pointer')} ${d.pointer}`);
    if (d.hint) lines.push(`    ${paint.cyan('hint')} ${d.hint}`);
  }
  lines.push(summaryLine(diagnostics, paint, checked));
  return lines.join('\n') + '\n';
}

export function summaryLine(diagnostics: readonly Diagnostic[], paint: Paint = noPaint, checked = 1): string {
  const c = countBySeverity(diagnostics);
  const files = `${checked} file${checked === 1 ? '' : 's'}`;
  if (c.error === 0 && c.warning === 0) return paint.green(`✔ ${files} checked, no problems`);
  const parts = [
    `${c.error} error${c.error === 1 ? '' : 's'}`,
    `${c.warning} warning${c.warning === 1 ? '' : 's'}`,
  ];
  const mark = c.error > 0 ? paint.red('✘') : paint.yellow('⚠');
  return `${mark} ${files} checked: ${parts.join(', ')}`;
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const counts = countBySeverity(diagnostics);
  return JSON.stringify({ diagnostics: sortDiagnostics(diagnostics), summary: counts }, null, 2) + '\n';
}

/** GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const kind = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        d.file ? `file=${escapeProp(d.file)}` : '',
        d.line !== undefined ? `line=${d.line}` : '',
        d.column !== undefined ? `col=${d.column}` : '',
        `title=${escapeProp(d.code)}`,
      ].filter(Boolean);
      const text = [d.message, d.where ? `at ${d.where}` : '', d.hint ? `hint: ${d.hint}` : '']
        .filter(Boolean)
        .join(' — ');
      return `::${kind} ${props.join(',')}::${escapeData(text)}\n`;
    })
    .join('');
}

/** SARIF 2.1.0 for GitHub code scanning and other static-analysis viewers. */
export function formatSarif(
  diagnostics: readonly Diagnostic[],
  tool = { name: 'okta-connector', version: '0.0.0' },
): string {
  const sorted = sortDiagnostics(diagnostics);
  const ruleIds = [...new Set(sorted.map((d) => d.code))].sort();
  const level = (d: Diagnostic) => (d.severity === 'info' ? 'note' : d.severity);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, rules: ruleIds.map((id) => ({ id })) } },
        results: sorted.map((d) => ({
          ruleId: d.code,
          level: level(d),
          message: {
            text: [d.message, d.where ? `at ${d.where}` : '', d.hint ? `hint: ${d.hint}` : '']
              .filter(Boolean)
              .join(' — '),
          },
          locations: d.file
            ? [
                {
                  physicalLocation: {
                    artifactLocation: { uri: d.file.split('\\').join('/') },
                    ...(d.line !== undefined && {
                      region: { startLine: d.line, startColumn: d.column ?? 1 },
                    }),
                  },
                  ...(d.pointer !== undefined && { logicalLocations: [{ fullyQualifiedName: d.pointer }] }),
                },
              ]
            : [],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  format: DiagnosticFormat,
  paint: Paint = noPaint,
  checked = 1,
  tool?: { name: string; version: string },
): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics);
    case 'github':
      return formatGithub(diagnostics);
    case 'sarif':
      return formatSarif(diagnostics, tool);
    case 'human':
      return formatHuman(diagnostics, paint, checked);
  }
}
