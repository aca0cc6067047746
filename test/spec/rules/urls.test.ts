import { describe, expect, it } from 'vitest';
import { urls } from '../../../src/spec/rules/urls.js';
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
