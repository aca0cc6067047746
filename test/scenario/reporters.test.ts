import { describe, it, expect } from 'vitest';
import { formatHumanReport } from '../../src/scenario/reporters/human.js';
import { formatJsonReport } from '../../src/scenario/reporters/json.js';
import { formatJunitReport } from '../../src/scenario/reporters/junit.js';
import type { SuiteResult } from '../../src/scenario/types.js';

const suite: SuiteResult = {
  connector: 'twilio',
  passed: 1,
  failed: 1,
  skipped: 0,
  ms: 1234,
  results: [
    { file: 'tests/a.yaml', name: 'Send works', ok: true, ms: 12, mismatches: [] },
    {
      file: 'tests/b.yaml',
      name: 'Errors <are> "shown" & escaped',
      ok: false,
      ms: 5,
      mismatches: [
        {
          path: 'outputs.status',
          expected: 'sent',
          actual: 'queued',
          message: 'expected "sent", found "queued"',
        },
      ],
    },
  ],
};

describe('reporters', () => {
  it('human: a line per scenario, a diff per failure, a summary', () => {
    const text = formatHumanReport(suite);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('✓ Send works (12 ms)');
    expect(lines[1]).toBe('✗ Errors <are> "shown" & escaped (5 ms)');
    expect(text).toContain('outputs.status: expected "sent", found "queued"');
    expect(text).toContain('- expected "sent"');
    expect(text).toContain('+ actual   "queued"');
    expect(lines.at(-1)).toBe('1 passed, 1 failed');
  });

  it('json: one parseable document with every scenario', () => {
    const doc = JSON.parse(formatJsonReport(suite)) as {
      passed: number;
      failed: number;
      scenarios: Array<{ ok: boolean; mismatches: unknown[] }>;
    };
    expect(doc.passed).toBe(1);
    expect(doc.failed).toBe(1);
    expect(doc.scenarios.map((s) => s.ok)).toEqual([true, false]);
    expect(doc.scenarios[1]?.mismatches).toHaveLength(1);
  });

  it('junit: counts, escaped names and a failure element', () => {
    const xml = formatJunitReport(suite);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xml).toContain(
      '<testsuite name="twilio" tests="2" failures="1" errors="0" skipped="0" time="1.234">',
    );
    expect(xml).toContain(
      '<testcase classname="twilio" name="Send works" file="tests/a.yaml" time="0.012"/>',
    );
    expect(xml).toContain('name="Errors &lt;are&gt; &quot;shown&quot; &amp; escaped"');
    expect(xml).toContain(
      '<failure message="expected &quot;sent&quot;, found &quot;queued&quot;" type="AssertionError">',
    );
    expect(xml.match(/<testcase /g)).toHaveLength(2);
  });
});

describe('skipped scenarios (test --base-url)', () => {
  const withSkip: SuiteResult = {
    ...suite,
    skipped: 1,
    results: [
      ...suite.results,
      {
        file: 'tests/c.yaml',
        name: 'Needs faults',
        ok: true,
        ms: 0,
        mismatches: [],
        skipped: 'needs the embedded mock (mock.faults)',
      },
    ],
  };

  it('are shown and counted apart from passes and failures', () => {
    const text = formatHumanReport(withSkip);
    expect(text).toContain('- Needs faults (skipped: needs the embedded mock (mock.faults))');
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed, 1 skipped');
    expect(JSON.parse(formatJsonReport(withSkip))).toMatchObject({ skipped: 1 });
    const xml = formatJunitReport(withSkip);
    expect(xml).toContain('skipped="1"');
    expect(xml).toContain('<skipped message="needs the embedded mock (mock.faults)"/>');
  });
});
