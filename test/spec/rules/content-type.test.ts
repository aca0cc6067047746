import { describe, expect, it } from 'vitest';
import { contentType } from '../../../src/spec/rules/content-type.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('content-type', () => {
  it('accepts no Content-Type header (it follows the encoding)', () => {
    expect(runRule(contentType, baseSpec())).toEqual([]);
  });

  it('accepts a matching header', () => {
    const spec = withSpec(
      (s) =>
        (s.actions[0]!.request.headers = {
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        }),
    );
    expect(runRule(contentType, spec)).toEqual([]);
  });

  it('rejects JSON declared over a form body (Twilio would refuse it)', () => {
    const spec = withSpec((s) => (s.actions[0]!.request.headers = { 'Content-Type': 'application/json' }));
    expect(runRule(contentType, spec)).toEqual([
      expect.objectContaining({
        code: 'OC-SPEC-CONTENT-TYPE',
        severity: 'error',
        pointer: '/actions/0/request/headers/Content-Type',
        message: expect.stringContaining('expected application/x-www-form-urlencoded'),
      }),
    ]);
  });
});
