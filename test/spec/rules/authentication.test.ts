import { describe, expect, it } from 'vitest';
import { authentication } from '../../../src/spec/rules/authentication.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('authentication', () => {
  it('accepts basic auth and complete OAuth settings', () => {
    expect(runRule(authentication, baseSpec())).toEqual([]);
    const oauth = withSpec(
      (s) =>
        (s.authentication = {
          type: 'oauth2',
          grantType: 'authorization_code',
          authorizeUrl: 'https://a.test/authorize',
          tokenUrl: 'https://a.test/token',
          scopes: ['read'],
        }),
    );
    expect(runRule(authentication, oauth)).toEqual([]);
  });

  it('requires authorizeUrl for the authorization code grant', () => {
    const spec = withSpec(
      (s) =>
        (s.authentication = {
          type: 'oauth2',
          grantType: 'authorization_code',
          tokenUrl: 'https://a.test/t',
        }),
    );
    expect(runRule(authentication, spec)).toEqual([
      expect.objectContaining({ code: 'OC-SPEC-AUTH', severity: 'error', pointer: '/authentication' }),
    ]);
  });

  it('requires custom auth to take its secret from the connection, ideally a password field', () => {
    const literal = withSpec(
      (s) => (s.authentication = { type: 'custom', placement: 'header', name: 'X-Key', value: 'abc' }),
    );
    expect(runRule(authentication, literal)[0]).toMatchObject({
      severity: 'error',
      pointer: '/authentication/value',
    });
    const clear = withSpec((s) => {
      s.authentication = {
        type: 'custom',
        placement: 'header',
        name: 'X-Key',
        value: '${connection.accountId}',
      };
    });
    expect(runRule(authentication, clear)[0]).toMatchObject({
      severity: 'warning',
      hint: 'make it type: password',
    });
  });
});
