import { describe, expect, it } from 'vitest';
import { errorStatuses, statusRange } from '../../../src/spec/rules/error-statuses.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('error-statuses', () => {
  it('parses single statuses and ranges', () => {
    expect(statusRange(404)).toEqual([404, 404]);
    expect(statusRange('400-599')).toEqual([400, 599]);
  });

  it('accepts ordinary error ranges', () => {
    expect(runRule(errorStatuses, baseSpec())).toEqual([]);
    expect(
      runRule(
        errorStatuses,
        withSpec((s) => (s.actions[0]!.errors = { statuses: ['400-499', 503] })),
      ),
    ).toEqual([]);
  });

  it('rejects reversed ranges and warns about 2xx treated as errors', () => {
    const spec = withSpec((s) => (s.actions[0]!.errors = { statuses: ['499-400', '200-299'] }));
    expect(runRule(errorStatuses, spec).map((f) => [f.severity, f.pointer, f.hint])).toEqual([
      ['error', '/actions/0/errors/statuses/0', 'use "400-499"'],
      ['warning', '/actions/0/errors/statuses/1', undefined],
    ]);
  });
});
