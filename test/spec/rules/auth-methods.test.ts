import { describe, expect, it } from 'vitest';
import { authMethodsRule } from '../../../src/spec/rules/auth-methods.js';
import { validateSpec } from '../../../src/spec/validate.js';
import { parseSource } from '../../../src/source/document.js';
import type { Authentication } from '../../../src/spec/types.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

const basic = (key: string, label: string): Authentication => ({ type: 'basic', key, label });
const apiKey = (key: string, label: string): Authentication => ({
  type: 'custom',
  key,
  label,
  placement: 'header',
  name: 'X-Api-Key',
  value: '${connection.accountId}',
});

describe('auth-methods', () => {
  it('accepts one method, and several with distinct keys and labels', () => {
    expect(runRule(authMethodsRule, baseSpec())).toEqual([]);
    const several = withSpec(
      (s) => (s.authentication = [basic('basic', 'Password'), apiKey('key', 'API key')]),
    );
    expect(runRule(authMethodsRule, several)).toEqual([]);
  });

  it('refuses two methods with one key or one label', () => {
    const spec = withSpec(
      (s) => (s.authentication = [basic('basic', 'Sign in'), apiKey('Basic', 'sign in ')]),
    );
    expect(runRule(authMethodsRule, spec)).toEqual([
      expect.objectContaining({
        code: 'OC-SPEC-AUTH-METHODS',
        severity: 'error',
        pointer: '/authentication/1/key',
      }),
      expect.objectContaining({
        code: 'OC-SPEC-AUTH-METHODS',
        severity: 'error',
        pointer: '/authentication/1/label',
      }),
    ]);
  });

  it('warns that a single method never uses its key and label', () => {
    const spec = withSpec((s) => (s.authentication = basic('basic', 'Password')));
    expect(runRule(authMethodsRule, spec)).toEqual([
      expect.objectContaining({ severity: 'warning', pointer: '/authentication/key' }),
    ]);
  });

  it('needs exactly one definition per config value, a key of its own, and a use', () => {
    const spec = withSpec((s) => {
      s.authentication = {
        type: 'basic',
        configValues: [
          { key: 'none', label: 'None' },
          {
            key: 'both',
            label: 'Both',
            value: 'x',
            helperFlow: { request: { method: 'GET', path: '/t' }, value: 'v' },
          },
          { key: 'accountId', label: 'Clash', value: 'y' },
          { key: 'password', label: 'Clash 2', value: 'z' },
          { key: 'secret', label: 'Secret', type: 'password', value: 'static' },
          {
            key: 'token',
            label: 'Token',
            helperFlow: { request: { method: 'POST', path: '/t' }, value: 'a..b' },
          },
        ],
      };
      s.defaultHeaders = {
        'X-Both': '${connection.both}',
        'X-Secret': '${connection.secret}',
        'X-T': '${connection.token}',
      };
    });
    const found = runRule(authMethodsRule, spec).map((f) => [f.severity, f.pointer, f.message]);
    expect(found).toEqual([
      ['error', '/authentication/configValues/0', expect.stringContaining('has no definition')],
      ['warning', '/authentication/configValues/0/key', expect.stringContaining('never used')],
      ['error', '/authentication/configValues/1', expect.stringContaining('both value and helperFlow')],
      [
        'error',
        '/authentication/configValues/2/key',
        expect.stringContaining('connection parameter "accountId"'),
      ],
      ['error', '/authentication/configValues/3/key', expect.stringContaining('the basic field "password"')],
      ['warning', '/authentication/configValues/3/key', expect.stringContaining('never used')],
      [
        'warning',
        '/authentication/configValues/4/value',
        expect.stringContaining('Password with a static value'),
      ],
      ['error', '/authentication/configValues/5/helperFlow/value', expect.stringContaining('empty segment')],
    ]);
  });

  it('locates the findings in the YAML and refuses a config request that reads more than the parameters', () => {
    const yaml = [
      'specVersion: 1',
      'name: tok',
      'displayName: Tok',
      'description: A service.',
      'version: 1.0.0',
      'supportEmail: dev@example.com',
      'authentication:',
      '  - type: basic',
      '    key: basic',
      '    label: Password',
      '  - type: custom',
      '    key: basic',
      '    label: Token',
      '    placement: header',
      '    name: Authorization',
      '    value: Bearer ${connection.token}',
      '    configValues:',
      '      - key: token',
      '        label: Token',
      '        type: password',
      '        helperFlow:',
      '          request: {method: POST, path: /token, query: {user: "${connection.username}"}}',
      '          value: access_token',
      'baseUrl: https://api.example.com',
      'authping: {request: {method: GET, path: /me}}',
      'actions:',
      '  - name: Ping',
      '    description: Pings.',
      '    request: {method: GET, path: /ping}',
    ].join('\n');
    const found = validateSpec(parseSource(yaml, 'tok.yaml'), process.cwd())
      .filter((d) => d.severity === 'error')
      .map((d) => [d.code, d.line, d.column]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['OC-SPEC-AUTH-METHODS', 12, 10],
        ['OC-SPEC-UNKNOWN-PLACEHOLDER', 22, expect.any(Number)],
      ]),
    );
  });

  it('refuses a list of one method or of more than five (the schema)', () => {
    const one = withSpec((s) => (s.authentication = [basic('a', 'A')]));
    const six = withSpec(
      (s) => (s.authentication = Array.from({ length: 6 }, (_, i) => basic(`m${i}`, `M ${i}`))),
    );
    for (const spec of [one, six]) {
      const found = validateSpec(parseSource(JSON.stringify(spec), 'c.json'), process.cwd());
      expect(found.some((d) => d.severity === 'error' && d.pointer === '/authentication')).toBe(true);
    }
  });
});

describe("a custom method's revoke request", () => {
  it('generates _revoke, so an action may not take the name, and may read only the connection', () => {
    const yaml = (path: string) =>
      [
        'specVersion: 1',
        'name: tok',
        'displayName: Tok',
        'description: A service.',
        'version: 1.0.0',
        'supportEmail: dev@example.com',
        'authentication:',
        '  type: custom',
        '  placement: header',
        '  name: X-Key',
        '  value: ${connection.key}',
        `  revoke: {request: {method: DELETE, path: "${path}"}}`,
        'connectionParameters: [{key: key, label: Key, type: password}]',
        'baseUrl: https://api.example.com',
        'authping: {request: {method: GET, path: /me}}',
        'actions:',
        '  - name: _revoke',
        '    description: Pings.',
        '    request: {method: GET, path: /ping}',
      ].join('\n');
    const codes = (text: string) =>
      validateSpec(parseSource(text, 'tok.yaml'), process.cwd())
        .filter((d) => d.severity === 'error')
        .map((d) => d.code);
    expect(codes(yaml('/keys/${connection.key}'))).toEqual(['CBDE000006H', 'CBDE000007H']);
    expect(codes(yaml('/keys/${inputs.id}'))).toContain('OC-SPEC-UNKNOWN-PLACEHOLDER');
  });
});
