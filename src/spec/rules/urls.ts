import { parseTemplate } from '../placeholders.js';
import { toPointer } from '../../source/document.js';
import { someString, walkJson } from '../../util/json-walk.js';
import type { RuleFinding, SpecRule } from './rule.js';

const LOCAL = /^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/;

/** Base URL and request paths: https, no stray query strings or trailing slashes that double up. */
export const urls: SpecRule = {
  name: 'urls',
  codes: ['OC-SPEC-BASE-URL', 'OC-SPEC-PATH', 'OC-SPEC-URL-CREDENTIALS'],
  description:
    'The base URL is an https URL without query or trailing slash; paths start with / and carry no query; no URL carries credentials.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    // The paths are built only for a spec that has such a URL (rarely): a plain scan first.
    if (someString(spec, hasUrlCredentials))
      walkJson(spec, (visit) => {
        if (typeof visit.value !== 'string' || !hasUrlCredentials(visit.value)) return;
        findings.push({
          code: 'OC-SPEC-URL-CREDENTIALS',
          severity: 'error',
          pointer: toPointer(visit.path),
          message:
            'a URL here carries a user name or password before "@"; it would be stored in the flows and shown in every log',
          hint: 'remove "user:password@" and declare the credentials under `authentication`',
        });
      });
    const literal = parseTemplate(spec.baseUrl)
      .parts.map((p) => (p.kind === 'text' ? p.text : 'x'))
      .join('');
    if (spec.baseUrl.startsWith('http://') && !LOCAL.test(spec.baseUrl)) {
      findings.push({
        code: 'OC-SPEC-BASE-URL',
        severity: 'warning',
        pointer: '/baseUrl',
        message: `the base URL uses plain http; credentials would cross the network unencrypted`,
        hint: `use ${spec.baseUrl.replace(/^http:/, 'https:')}`,
      });
    }
    if (literal.includes('?') || literal.includes('#')) {
      findings.push({
        code: 'OC-SPEC-BASE-URL',
        severity: 'error',
        pointer: '/baseUrl',
        message: 'the base URL must not contain a query string or fragment',
        hint: "put query parameters in each request's `query`",
      });
    }
    if (literal.endsWith('/')) {
      findings.push({
        code: 'OC-SPEC-BASE-URL',
        severity: 'warning',
        pointer: '/baseUrl',
        message: 'the base URL ends with "/"; request paths also start with "/", giving "//" in every URL',
        hint: `use ${spec.baseUrl.replace(/\/+$/, '')}`,
      });
    }
    const requests = [
      { request: spec.authping.request, pointer: '/authping/request/path' },
      ...spec.actions.map((a, i) => ({ request: a.request, pointer: `/actions/${i}/request/path` })),
    ];
    for (const { request, pointer } of requests) {
      if (request.path.includes('?')) {
        findings.push({
          code: 'OC-SPEC-PATH',
          severity: 'error',
          pointer,
          message: `the path "${request.path}" contains a query string; the helper adds query parameters itself`,
          hint: "move them to the request's `query` mapping",
        });
      }
      if (/\s/.test(request.path)) {
        findings.push({
          code: 'OC-SPEC-PATH',
          severity: 'error',
          pointer,
          message: `the path "${request.path}" contains whitespace`,
        });
      }
    }
    return findings;
  },
};

/**
 * Does `text` contain a URL with user information (`scheme://user[:password]@host`)? Found with indexOf rather than
 * one regular expression, so a long run of letters or slashes costs one linear pass.
 */
export function hasUrlCredentials(text: string): boolean {
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    if (at === 0 || !/[a-z0-9+.-]/i.test(text[at - 1]!)) continue;
    const rest = text.slice(at + 3, at + 3 + 2048);
    const end = rest.search(/[/?#\s]/);
    const authority = end === -1 ? rest : rest.slice(0, end);
    if (authority.includes('@')) return true;
  }
  return false;
}
