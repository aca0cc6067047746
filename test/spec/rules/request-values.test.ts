import { describe, expect, it } from 'vitest';
import { requestValues } from '../../../src/spec/rules/request-values.js';
import { baseSpec, runRule, validateObject, withSpec } from '../helpers.js';

const json = (fields: Record<string, unknown> | unknown[]) =>
  withSpec((s) => (s.actions[0]!.request.body = { encoding: 'json', fields }));

describe('request-values', () => {
  it('accepts list items that are always sent: literals, required values, objects with a fixed entry', () => {
    expect(runRule(requestValues, baseSpec())).toEqual([]);
    expect(
      runRule(requestValues, json({ l: ['${inputs.to}', 'x', null, { a: '${inputs.body}', b: 1 }] })),
    ).toEqual([]);
  });

  it('refuses a list item that depends only on optional values, located at the item', () => {
    expect(
      runRule(
        requestValues,
        json({ labels: ['${inputs.body}'], deep: [{ x: [{ y: 'pre ${inputs.body}' }] }] }),
      ),
    ).toEqual([
      expect.objectContaining({
        code: 'OC-SPEC-LIST-ITEM-OPTIONAL',
        severity: 'error',
        pointer: '/actions/0/request/body/fields/labels/0',
      }),
      expect.objectContaining({
        code: 'OC-SPEC-LIST-ITEM-OPTIONAL',
        pointer: '/actions/0/request/body/fields/deep/0/x/0',
      }),
    ]);
  });

  it('refuses a dotted key in a JSON body, query or headers', () => {
    const spec = withSpec((s) => {
      s.actions[0]!.request.query = { 'filter.name': '${inputs.to}' };
      s.actions[0]!.request.body = { encoding: 'json', fields: { a: { 'b.c': 1 } } };
    });
    expect(runRule(requestValues, spec).map((f) => [f.code, f.pointer])).toEqual([
      ['OC-SPEC-DOTTED-KEY', '/actions/0/request/query/filter.name'],
      ['OC-SPEC-DOTTED-KEY', '/actions/0/request/body/fields/a/b.c'],
    ]);
  });

  it('reports the file line and column through validate', () => {
    const found = validateObject(json({ labels: ['${inputs.body}'] })).filter(
      (d) => d.code === 'OC-SPEC-LIST-ITEM-OPTIONAL',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBeGreaterThan(1);
    expect(found[0]!.message).toContain('Okta');
  });

  it('refuses a request header that differs from a default header in case only', () => {
    const spec = withSpec((s) => {
      s.defaultHeaders = { Accept: 'application/json' };
      s.actions[0]!.request.headers = { accept: 'text/csv', Accept: 'application/xml' };
    });
    expect(runRule(requestValues, spec)).toEqual([
      expect.objectContaining({
        code: 'OC-SPEC-HEADER-CASE',
        pointer: '/actions/0/request/headers/accept',
        hint: 'spell it "Accept" to override the default',
      }),
    ]);
  });
});
