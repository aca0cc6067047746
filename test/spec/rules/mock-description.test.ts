import { describe, expect, it } from 'vitest';
import { mockDescription } from '../../../src/spec/rules/mock-description.js';
import { OPENAPI_DIR } from '../../support/fixtures.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('mock-description', () => {
  it('accepts no mock, the mock Twilio, and a description that exists next to the spec', () => {
    expect(runRule(mockDescription, baseSpec())).toEqual([]);
    expect(
      runRule(
        mockDescription,
        withSpec((s) => (s.mock = 'twilio')),
      ),
    ).toEqual([]);
    const spec = withSpec((s) => (s.mock = { openapi: 'stats/stats.yaml' }));
    expect(runRule(mockDescription, spec, OPENAPI_DIR)).toEqual([]);
  });

  it('refuses a description that does not exist, at /mock/openapi', () => {
    const spec = withSpec((s) => (s.mock = { openapi: 'missing.yaml' }));
    expect(runRule(mockDescription, spec, OPENAPI_DIR)).toEqual([
      expect.objectContaining({
        code: 'OC-SPEC-MOCK-DESCRIPTION',
        severity: 'error',
        pointer: '/mock/openapi',
        message: expect.stringContaining('"missing.yaml" does not exist next to the spec'),
      }),
    ]);
  });
});
