import { describe, expect, it } from 'vitest';
import { authpingRequest } from '../../../src/spec/rules/authping-request.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('authping-request', () => {
  it('accepts a GET expecting 200', () => {
    expect(runRule(authpingRequest, baseSpec())).toEqual([]);
  });

  it('warns about a request that could change something, and about non-2xx healthy statuses', () => {
    const spec = withSpec((s) => {
      s.authping.request.method = 'POST';
      s.authping.healthyStatuses = [200, 401];
    });
    expect(runRule(authpingRequest, spec).map((f) => [f.severity, f.pointer])).toEqual([
      ['warning', '/authping/request/method'],
      ['warning', '/authping/healthyStatuses/1'],
    ]);
  });
});
