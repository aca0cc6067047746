import { describe, expect, it } from 'vitest';
import { duplicateKeys } from '../../../src/spec/rules/duplicate-keys.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('duplicate-keys', () => {
  it('accepts unique keys', () => {
    expect(runRule(duplicateKeys, baseSpec())).toEqual([]);
  });

  it('reports an input that reuses an option key', () => {
    const spec = withSpec((s) => s.actions[0]!.inputs!.push({ key: 'from', label: 'From 2', type: 'text' }));
    expect(runRule(duplicateKeys, spec)).toEqual([
      expect.objectContaining({
        code: 'OC-SPEC-DUPLICATE-KEY',
        severity: 'error',
        pointer: '/actions/0/inputs/2/key',
        message: expect.stringContaining('first is at /actions/0/options/0'),
      }),
    ]);
  });

  it('reports duplicate connection parameters and output labels', () => {
    const spec = withSpec((s) => {
      s.connectionParameters!.push({ key: 'accountId', label: 'Again', type: 'text' });
      s.actions[0]!.outputs!.push({ key: 'id2', label: 'id', type: 'text', from: 'body', path: 'id' });
    });
    expect(runRule(duplicateKeys, spec).map((f) => f.pointer)).toEqual([
      '/connectionParameters/1/key',
      '/actions/0/outputs/1/label',
    ]);
  });
});
