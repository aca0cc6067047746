import { describe, expect, it } from 'vitest';
import { dropdowns } from '../../../src/spec/rules/dropdowns.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('dropdowns', () => {
  it('accepts a dropdown with distinct values and a valid default', () => {
    const spec = withSpec((s) => {
      s.actions[0]!.options = [
        {
          key: 'from',
          label: 'From',
          type: 'dropdown',
          default: 'a',
          values: [
            { label: 'A', value: 'a' },
            { label: 'B', value: 'b' },
          ],
        },
      ];
    });
    expect(runRule(dropdowns, spec)).toEqual([]);
    expect(runRule(dropdowns, baseSpec())).toEqual([]);
  });

  it('rejects an empty dropdown, a repeated value and a default outside the values', () => {
    const spec = withSpec((s) => {
      s.connectionParameters = [{ key: 'region', label: 'Region', type: 'dropdown' }];
      s.actions[0]!.options = [
        {
          key: 'from',
          label: 'From',
          type: 'dropdown',
          default: 'c',
          values: [
            { label: 'A', value: 'a' },
            { label: 'A2', value: 'a' },
          ],
        },
      ];
    });
    expect(runRule(dropdowns, spec).map((f) => [f.severity, f.pointer])).toEqual([
      ['error', '/connectionParameters/0'],
      ['error', '/actions/0/options/0/values/1/value'],
      ['error', '/actions/0/options/0/default'],
    ]);
  });

  it('warns about values on a text field', () => {
    const spec = withSpec((s) => (s.actions[0]!.options![0]!.values = [{ label: 'A', value: 'a' }]));
    expect(runRule(dropdowns, spec)).toEqual([
      expect.objectContaining({ severity: 'warning', pointer: '/actions/0/options/0/values' }),
    ]);
  });
});
