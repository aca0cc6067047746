import { describe, expect, it } from 'vitest';
import { parameterPatterns } from '../../../src/spec/rules/parameter-patterns.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('parameter-patterns', () => {
  it('accepts a valid pattern', () => {
    expect(
      runRule(
        parameterPatterns,
        withSpec((s) => (s.connectionParameters![0]!.pattern = '^AC[0-9a-f]{32}$')),
      ),
    ).toEqual([]);
    expect(runRule(parameterPatterns, baseSpec())).toEqual([]);
  });

  it('rejects a pattern that does not compile', () => {
    const found = runRule(
      parameterPatterns,
      withSpec((s) => (s.connectionParameters![0]!.pattern = '^AC[0-9')),
    );
    expect(found).toEqual([
      expect.objectContaining({ code: 'OC-SPEC-PATTERN', pointer: '/connectionParameters/0/pattern' }),
    ]);
  });
});
