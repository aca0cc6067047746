import { describe, expect, it } from 'vitest';
import { outputPaths } from '../../../src/spec/rules/output-paths.js';
import type { Output } from '../../../src/spec/types.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

const withOutput = (output: Output, method?: 'DELETE') =>
  withSpec((s) => {
    s.actions[0]!.outputs = [output];
    if (method) {
      s.actions[0]!.request.method = method;
      delete s.actions[0]!.request.body;
    }
  });

describe('output-paths', () => {
  it('accepts body paths, status and header mappings', () => {
    expect(runRule(outputPaths, baseSpec())).toEqual([]);
    expect(
      runRule(outputPaths, withOutput({ key: 'c', label: 'C', type: 'number', from: 'status' })),
    ).toEqual([]);
    expect(
      runRule(
        outputPaths,
        withOutput({ key: 'h', label: 'H', type: 'text', from: 'headers', path: 'X-Request-Id' }),
      ),
    ).toEqual([]);
  });

  it.each<[string, Output, string]>([
    [
      'a status with a path',
      { key: 's', label: 'S', type: 'number', from: 'status', path: 'x' },
      '/actions/0/outputs/0/path',
    ],
    [
      'a status typed text',
      { key: 's', label: 'S', type: 'text', from: 'status' },
      '/actions/0/outputs/0/type',
    ],
    [
      'a header with no name',
      { key: 'h', label: 'H', type: 'text', from: 'headers' },
      '/actions/0/outputs/0',
    ],
    [
      'a malformed body path',
      { key: 'b', label: 'B', type: 'text', from: 'body', path: 'a..b' },
      '/actions/0/outputs/0/path',
    ],
  ])('rejects %s', (_, output, pointer) => {
    expect(runRule(outputPaths, withOutput(output))).toEqual([
      expect.objectContaining({ code: 'OC-SPEC-OUTPUT-PATH', severity: 'error', pointer }),
    ]);
  });

  it('warns about reading the body of a DELETE', () => {
    const found = runRule(
      outputPaths,
      withOutput({ key: 'b', label: 'B', type: 'text', from: 'body', path: 'id' }, 'DELETE'),
    );
    expect(found).toEqual([
      expect.objectContaining({ severity: 'warning', pointer: '/actions/0/outputs/0/from' }),
    ]);
  });
});

describe('output-paths: picking from each item (issue 12)', () => {
  const out = (path: string, list: boolean) =>
    withSpec((s) => {
      s.actions[0]!.outputs = [{ key: 'names', label: 'Names', type: 'text', list, from: 'body', path }];
    });
  it('accepts labels.*.name on a list output', () => {
    expect(runRule(outputPaths, out('labels.*.name', true))).toEqual([]);
  });
  it('refuses it on a single value, twice, or at the end, naming the output', () => {
    expect(runRule(outputPaths, out('labels.*.name', false))).toEqual([
      expect.objectContaining({
        code: 'OC-SPEC-OUTPUT-PATH',
        severity: 'error',
        pointer: '/actions/0/outputs/0/list',
      }),
    ]);
    expect(runRule(outputPaths, out('a.*.b.*.c', true))[0]!.message).toContain('may appear once');
    expect(runRule(outputPaths, out('labels.*', true))[0]!.message).toContain('may appear once');
  });
});
