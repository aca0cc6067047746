import { describe, expect, it } from 'vitest';
import { literalSecrets } from '../../../src/spec/rules/literal-secrets.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('literal-secrets', () => {
  it('accepts credentials taken from the connection', () => {
    expect(runRule(literalSecrets, baseSpec())).toEqual([]);
    const spec = withSpec(
      (s) => (s.actions[0]!.request.headers = { Authorization: 'Bearer ${connection.accountId}' }),
    );
    expect(runRule(literalSecrets, spec)).toEqual([]);
  });

  it.each([
    [
      'a literal Authorization header',
      { Authorization: 'Basic dXNlcjpwYXNzd29yZA==' },
      '/actions/0/request/headers/Authorization',
    ],
    ['an API key header', { 'X-Api-Key': 'k' }, '/actions/0/request/headers/X-Api-Key'],
    [
      'a Twilio API key SID',
      { 'X-Note': 'SK0123456789abcdef0123456789abcdef' },
      '/actions/0/request/headers/X-Note',
    ],
  ])('rejects %s', (_, headers, pointer) => {
    const spec = withSpec((s) => (s.actions[0]!.request.headers = headers));
    expect(runRule(literalSecrets, spec)).toEqual([
      expect.objectContaining({ code: 'OC-SPEC-LITERAL-SECRET', severity: 'error', pointer }),
    ]);
  });
});
