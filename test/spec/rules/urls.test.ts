import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseSource } from '../../../src/source/document.js';
import { hasUrlCredentials, urls } from '../../../src/spec/rules/urls.js';
import type { ConnectorSpec } from '../../../src/spec/types.js';
import { validateSpec } from '../../../src/spec/validate.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('urls', () => {
  it('accepts an https base URL with placeholders and clean paths', () => {
    expect(runRule(urls, baseSpec())).toEqual([]);
    expect(
      runRule(
        urls,
        withSpec((s) => (s.baseUrl = 'http://127.0.0.1:4010/api')),
      ),
    ).toEqual([]);
  });

  it.each([
    ['http://api.acme.test', 'warning', 'plain http'],
    ['https://api.acme.test/?v=1', 'error', 'query string'],
    ['https://api.acme.test/', 'warning', 'ends with "/"'],
  ])('reports the base URL %s', (baseUrl, severity, text) => {
    const [finding] = runRule(
      urls,
      withSpec((s) => (s.baseUrl = baseUrl)),
    );
    expect(finding).toMatchObject({ code: 'OC-SPEC-BASE-URL', severity, pointer: '/baseUrl' });
    expect(finding!.message).toContain(text);
  });

  it('rejects a query string or whitespace in a path', () => {
    const spec = withSpec((s) => {
      s.actions[0]!.request.path = '/messages?x=1';
      s.authping.request.path = '/me now';
    });
    expect(runRule(urls, spec).map((f) => [f.code, f.pointer])).toEqual([
      ['OC-SPEC-PATH', '/authping/request/path'],
      ['OC-SPEC-PATH', '/actions/0/request/path'],
    ]);
  });
});

describe('credentials in URLs (issue 18 #2)', () => {
  it.each([
    ['/baseUrl', (s: ConnectorSpec) => (s.baseUrl = 'https://user:pass@api.acme.test/v1')],
    ['/baseUrl', (s: ConnectorSpec) => (s.baseUrl = 'https://${connection.accountId}@api.acme.test')],
    ['/documentationUrl', (s: ConnectorSpec) => (s.documentationUrl = 'https://me:secret@docs.acme.test/')],
    [
      '/actions/0/description',
      (s: ConnectorSpec) => (s.actions[0]!.description = 'Posts to ftp://admin:hunter2@files.acme.test now.'),
    ],
  ])('refuses user information in the URL at %s', (pointer, change) => {
    const findings = runRule(urls, withSpec(change)).filter((f) => f.code === 'OC-SPEC-URL-CREDENTIALS');
    expect(findings.map((f) => [f.severity, f.pointer])).toEqual([['error', pointer]]);
  });

  it('accepts an @ in a path, a query or an e-mail address', () => {
    for (const text of [
      'https://api.acme.test/users/@me',
      'https://a.test/?to=a@b.test',
      'support@acme.test',
    ]) {
      expect(hasUrlCredentials(text), text).toBe(false);
    }
  });

  it('scans a hostile string in linear time', () => {
    const started = performance.now();
    expect(hasUrlCredentials('a'.repeat(200_000) + '://' + 'b'.repeat(200_000))).toBe(false);
    expect(hasUrlCredentials('://'.repeat(100_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reports the file, line and column through validate', () => {
    const text = stringify(withSpec((s) => (s.baseUrl = 'https://user:pass@api.acme.test')));
    const diagnostics = validateSpec(parseSource(text, 'acme.yaml'));
    const found = diagnostics.find((d) => d.code === 'OC-SPEC-URL-CREDENTIALS');
    const line = text.split('\n').findIndex((l) => l.startsWith('baseUrl:')) + 1;
    expect(found).toMatchObject({ file: 'acme.yaml', line, column: 10, severity: 'error' });
  });
});
