import { show } from '../match.js';
import type { SuiteResult } from '../types.js';

/** JUnit XML (the common Jenkins/GitLab/GitHub dialect): one testsuite per connector, one testcase per scenario. */
export function formatJunitReport(suite: SuiteResult): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="okta-connector test" tests="${suite.results.length}" failures="${suite.failed}" time="${seconds(suite.ms)}">`,
    `  <testsuite name="${xml(suite.connector)}" tests="${suite.results.length}" failures="${suite.failed}" errors="0" skipped="${suite.skipped}" time="${seconds(suite.ms)}">`,
  ];
  for (const r of suite.results) {
    const open = `    <testcase classname="${xml(suite.connector)}" name="${xml(r.name)}" file="${xml(r.file)}" time="${seconds(r.ms)}"`;
    if (r.skipped !== undefined) {
      out.push(`${open}>`, `      <skipped message="${xml(r.skipped)}"/>`, '    </testcase>');
      continue;
    }
    if (r.ok) {
      out.push(`${open}/>`);
      continue;
    }
    const first = r.problem ?? r.mismatches[0]?.message ?? 'failed';
    const detail = [
      ...(r.problem ? [r.problem] : []),
      ...r.mismatches.map(
        (m) => `${m.path}: ${m.message}\n  expected ${show(m.expected)}\n  actual   ${show(m.actual)}`,
      ),
    ].join('\n');
    out.push(`${open}>`);
    out.push(`      <failure message="${xml(first)}" type="AssertionError">${xml(detail)}</failure>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return out.join('\n') + '\n';
}

function xml(s: string): string {
  // Characters XML 1.0 forbids are dropped; the five specials are escaped.
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
