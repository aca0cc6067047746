import { describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import { findCredentialValues, isCredentialName } from '../../src/handoff-package/credentials.js';
import { staticValue } from '../../src/handoff-package/field-sources.js';
import { baseSpec } from '../spec/helpers.js';

describe('findCredentialValues', () => {
  it('finds fixed values on credential-named fields of the generated flows', () => {
    // Bypasses spec validation (which also refuses literal secrets) to test the build's own guard.
    const spec = baseSpec();
    spec.defaultHeaders = {
      Authorization: 'Bearer sk_live_x',
      'X-Api-Key': 'abc',
      Accept: 'application/json',
    };
    const found = findCredentialValues(generateConnector(spec).flopack);
    expect(found.map((f) => f.field).sort()).toEqual(['Authorization', 'X-Api-Key']);
    expect(found.every((f) => f.flow === 'httpHelper')).toBe(true);
  });

  it('finds nothing in a connector that takes credentials from the connection', () => {
    expect(findCredentialValues(generateConnector(baseSpec()).flopack)).toEqual([]);
  });

  it('tells credential names from look-alikes', () => {
    for (const name of [
      'Authorization',
      'password',
      'Client Secret',
      'X-Auth-Token',
      'access_token',
      'api_key',
      'API Key',
    ])
      expect(isCredentialName(name), name).toBe(true);
    for (const name of ['maxTokens', 'Token URL', 'Accept', 'To', 'Body'])
      expect(isCredentialName(name), name).toBe(false);
  });

  it('redacts static values the build sheet would show', () => {
    expect(staticValue('Authorization', 'Basic abc')).toEqual({ how: 'value', value: '•••••• (redacted)' });
    expect(staticValue('headers', { Authorization: 'Basic abc', Accept: 'x' })).toEqual({
      how: 'value',
      value: '{"Authorization":"•••••• (redacted)","Accept":"x"}',
    });
    expect(staticValue('To', '')).toEqual({ how: 'empty' });
  });
});
