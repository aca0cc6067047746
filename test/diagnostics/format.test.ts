import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatGithub, formatHuman, formatJson } from '../../src/diagnostics/format.js';

const diagnostics: Diagnostic[] = [
  { severity: 'warning', code: 'W1', message: 'second, with: colon', file: 'b.yaml', line: 2, column: 3 },
  {
    severity: 'error',
    code: 'E1',
    message: 'first',
    file: 'a.yaml',
    line: 10,
    column: 1,
    pointer: '/x',
    hint: 'do y',
  },
];

describe('diagnostic formats', () => {
  it('prints compiler-style lines sorted by file, then a summary', () => {
    expect(formatHuman(diagnostics, undefined, 2)).toBe(
      [
        'a.yaml:10:1  error  E1  first',
        '    pointer /x',
        '    hint do y',
        'b.yaml:2:3  warning  W1  second, with: colon',
        '✘ 2 files checked: 1 error, 1 warning',
        '',
      ].join('\n'),
    );
    expect(formatHuman([])).toBe('✔ 1 file checked, no problems\n');
  });

  it('prints machine-readable JSON with counts', () => {
    const parsed = JSON.parse(formatJson(diagnostics));
    expect(parsed.summary).toEqual({ error: 1, warning: 1, info: 0 });
    expect(parsed.diagnostics[0].code).toBe('E1');
  });

  it('prints GitHub Actions annotations with escaped properties', () => {
    expect(formatGithub(diagnostics)).toBe(
      '::error file=a.yaml,line=10,col=1,title=E1::first — hint: do y\n' +
        '::warning file=b.yaml,line=2,col=3,title=W1::second, with: colon\n',
    );
  });
});

describe('SARIF', () => {
  it('lists each rule once and locates results', async () => {
    const { formatSarif } = await import('../../src/diagnostics/format.js');
    const sarif = JSON.parse(formatSarif(diagnostics, { name: 'okta-connector', version: '1.2.3' }));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver).toMatchObject({
      name: 'okta-connector',
      version: '1.2.3',
      rules: [{ id: 'E1' }, { id: 'W1' }],
    });
    expect(sarif.runs[0].results[0]).toMatchObject({
      ruleId: 'E1',
      level: 'error',
      message: { text: 'first — hint: do y' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'a.yaml' },
            region: { startLine: 10, startColumn: 1 },
          },
        },
      ],
    });
  });
});
