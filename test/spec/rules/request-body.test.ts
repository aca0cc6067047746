import { describe, expect, it } from 'vitest';
import { requestBody } from '../../../src/spec/rules/request-body.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('request-body', () => {
  it('accepts a form body on POST', () => {
    expect(runRule(requestBody, baseSpec())).toEqual([]);
  });

  it('rejects a body on GET and warns on DELETE', () => {
    const get = runRule(
      requestBody,
      withSpec((s) => (s.actions[0]!.request.method = 'GET')),
    );
    expect(get).toEqual([
      expect.objectContaining({
        code: 'OC-SPEC-BODY-ON-GET',
        severity: 'error',
        pointer: '/actions/0/request/body',
      }),
    ]);
    const del = runRule(
      requestBody,
      withSpec((s) => (s.actions[0]!.request.method = 'DELETE')),
    );
    expect(del).toEqual([expect.objectContaining({ code: 'OC-SPEC-BODY-ON-GET', severity: 'warning' })]);
  });

  it('rejects nested values in a form body but allows them in JSON', () => {
    const form = withSpec((s) => {
      s.actions[0]!.request.body = {
        encoding: 'form',
        fields: { To: '${inputs.to}', Meta: { a: '1' } } as never,
      };
    });
    expect(runRule(requestBody, form)).toEqual([
      expect.objectContaining({
        code: 'OC-SPEC-FORM-NESTED',
        pointer: '/actions/0/request/body/fields/Meta',
        hint: expect.stringContaining('encoding: json'),
      }),
    ]);
    const json = withSpec(
      (s) => (s.actions[0]!.request.body = { encoding: 'json', fields: { meta: { to: '${inputs.to}' } } }),
    );
    expect(runRule(requestBody, json)).toEqual([]);
  });
});
