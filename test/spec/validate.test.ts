import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/document.js';
import { validateSpec, validateSpecFile } from '../../src/spec/validate.js';
import { SPEC_RULES } from '../../src/spec/rules/index.js';
import { packagePath } from '../../src/util/paths.js';
import { baseSpec, validateObject } from './helpers.js';

describe('validateSpec', () => {
  it('finds nothing wrong with the bundled Twilio connector', async () => {
    const result = await validateSpecFile(packagePath('connectors/twilio/connector.yaml'));
    expect(result.diagnostics).toEqual([]);
    expect(result.spec?.name).toBe('twilio');
  });

  it('accepts the base test spec', () => {
    expect(validateObject(baseSpec())).toEqual([]);
  });

  it('reports structural problems with the line and column of the offending key', () => {
    const text = [
      'specVersion: 1',
      'name: acme',
      'displayName: Acme',
      'description: d',
      'version: "1.0"',
      'supportEmail: a@b.test',
      'authentication: { type: basic, usename: { label: K } }',
      'baseUrl: https://a.test',
      'authping: { request: { method: GET, path: /me } }',
      'actions:',
      '  - name: Go',
      '    description: Go somewhere fast.',
      '    request: { method: FETCH, path: /go }',
    ].join('\n');
    const found = validateSpec(parseSource(text, 'c.yaml'));
    expect(found.map((d) => [d.line, d.column, d.pointer, d.message])).toEqual([
      [5, 10, '/version', '/version must be semantic version, e.g. 1.0.0; found "1.0"'],
      [7, 32, '/authentication/usename', expect.stringContaining('unknown key "usename" in /authentication')],
      [
        13,
        24,
        '/actions/0/request/method',
        '/actions/0/request/method must be one of "GET", "POST", "PUT", "PATCH", "DELETE"; found "FETCH"',
      ],
    ]);
    expect(found[1]!.hint).toBe('did you mean "username"?');
    expect(found.every((d) => d.code === 'OC-SPEC-SCHEMA' && d.file === 'c.yaml')).toBe(true);
  });

  it('reports an unsupported auth type once, not once per oneOf branch', () => {
    const spec = { ...baseSpec(), authentication: { type: 'digest' } };
    const found = validateObject(spec);
    expect(found).toHaveLength(1);
    expect(found[0]!.pointer).toBe('/authentication');
  });

  it('runs the semantic rules only on a structurally valid spec, located in the source', () => {
    const spec = baseSpec();
    spec.actions[0]!.name = 'Send-Message';
    const [d] = validateObject(spec);
    expect(d).toMatchObject({ code: 'CBDE000003H', pointer: '/actions/0/name', file: 'connector.yaml' });
    expect(d!.line).toBeGreaterThan(1);
  });

  it('gives every rule distinct codes', () => {
    const codes = SPEC_RULES.flatMap((r) => r.codes);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
