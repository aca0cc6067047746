import { describe, expect, it } from 'vitest';
import { unusedFields } from '../../../src/spec/rules/unused-fields.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('unused-fields', () => {
  it('accepts a spec that uses everything', () => {
    expect(runRule(unusedFields, baseSpec())).toEqual([]);
  });

  it('warns about an unused input, option and parameter', () => {
    const spec = withSpec((s) => {
      s.actions[0]!.inputs!.push({ key: 'media', label: 'Media', type: 'text' });
      s.actions[0]!.options!.push({ key: 'mode', label: 'Mode', type: 'text' });
      s.connectionParameters!.push({ key: 'region', label: 'Region', type: 'text' });
    });
    expect(runRule(unusedFields, spec).map((f) => [f.code, f.severity, f.pointer])).toEqual([
      ['OC-SPEC-UNUSED-INPUT', 'warning', '/actions/0/inputs/2'],
      ['OC-SPEC-UNUSED-OPTION', 'warning', '/actions/0/options/1'],
      ['OC-SPEC-UNUSED-PARAMETER', 'warning', '/connectionParameters/1'],
    ]);
  });
});
