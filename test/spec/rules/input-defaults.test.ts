import { describe, expect, it } from 'vitest';
import { inputDefaults } from '../../../src/spec/rules/input-defaults.js';
import type { Input } from '../../../src/spec/types.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

const withInput = (input: Input) => withSpec((s) => (s.actions[0]!.inputs = [input]));

describe('input-defaults', () => {
  it.each<Input>([
    { key: 'n', label: 'N', type: 'number', default: 50 },
    { key: 'b', label: 'B', type: 'boolean', default: false },
    { key: 'd', label: 'D', type: 'datetime', default: '2024-01-01T00:00:00Z' },
    { key: 'l', label: 'L', type: 'text', list: true, default: ['a', 'b'] },
    { key: 'o', label: 'O', type: 'object', default: { a: 1 } },
  ])('accepts a fitting default for $type', (input) => {
    expect(runRule(inputDefaults, withInput(input))).toEqual([]);
  });

  it.each<[Input, string]>([
    [{ key: 'n', label: 'N', type: 'number', default: '50' }, 'a number value'],
    [{ key: 'd', label: 'D', type: 'datetime', default: 'tomorrow' }, 'an ISO 8601 date and time'],
    [{ key: 'l', label: 'L', type: 'text', list: true, default: 'a' }, 'a list of text'],
  ])('rejects a default that does not fit', (input, expected) => {
    expect(runRule(inputDefaults, withInput(input))).toEqual([
      expect.objectContaining({
        code: 'OC-SPEC-DEFAULT-TYPE',
        pointer: '/actions/0/inputs/0/default',
        message: expect.stringContaining(expected),
      }),
    ]);
  });

  it('warns that a required input never uses its default', () => {
    const found = runRule(
      inputDefaults,
      withInput({ key: 't', label: 'T', type: 'text', required: true, default: 'x' }),
    );
    expect(found.map((f) => [f.code, f.severity])).toEqual([['OC-SPEC-DEFAULT-UNUSED', 'warning']]);
    expect(runRule(inputDefaults, baseSpec())).toEqual([]);
  });
});
