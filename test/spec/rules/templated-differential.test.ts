import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../../src/mock/openapi/random.js';
import { toPointer } from '../../../src/source/document.js';
import { parseTemplate } from '../../../src/spec/placeholders.js';
import { literalSecrets } from '../../../src/spec/rules/literal-secrets.js';
import type { RuleContext, RuleFinding } from '../../../src/spec/rules/rule.js';
import { templatedStringsOf } from '../../../src/spec/rules/templated.js';
import { templatedStrings, type TemplatedString } from '../../../src/spec/walk.js';
import type { ConnectorSpec, RequestTemplate } from '../../../src/spec/types.js';
import { walkJson } from '../../../src/util/json-walk.js';
import { baseSpec } from '../helpers.js';

/**
 * The templated strings are listed with pointers built from the request's own, parsed once per distinct text, and
 * literal-secrets meets each distinct text with the secret shapes once (issue 17). The references below are the
 * code before: a pointer from a copied path for every value, a parse and the shapes for every string.
 */
function referenceRequestStrings(
  request: RequestTemplate,
  base: (string | number)[],
  rest: Omit<TemplatedString, 'pointer' | 'template'>,
): TemplatedString[] {
  const out: TemplatedString[] = [{ pointer: toPointer([...base, 'path']), template: request.path, ...rest }];
  for (const part of ['query', 'headers'] as const)
    for (const [k, v] of Object.entries(request[part] ?? {}))
      out.push({ pointer: toPointer([...base, part, k]), template: v, ...rest });
  const body = request.body;
  if (body?.encoding === 'text')
    out.push({ pointer: toPointer([...base, 'body', 'content']), template: body.content, ...rest });
  else if (body) {
    const prefix = toPointer([...base, 'body', 'fields']);
    walkJson(body.fields, (visit) => {
      if (typeof visit.value === 'string')
        out.push({ pointer: prefix + toPointer(visit.path), template: visit.value, ...rest });
    });
  }
  return out;
}

const SECRET_SHAPES: Array<[RegExp, string]> = [
  [/^\s*(basic|bearer|ssws)\s+[A-Za-z0-9+/=._~-]{8,}\s*$/i, 'an Authorization value'],
  [/\bSK[0-9a-fA-F]{32}\b/, 'a Twilio API Key SID'],
  [/\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}/, 'an API secret key'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}/, 'a GitHub token'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
];
const AUTH_HEADERS = /^(authorization|proxy-authorization|x-api-key|api-key|x-auth-token)$/i;

function referenceLiteralSecrets(spec: ConnectorSpec): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const s of templatedStrings(spec)) {
    const header = s.pointer.match(/\/headers\/([^/]+)$/)?.[1];
    const usesConnection = s.template.includes('${connection.');
    let what = SECRET_SHAPES.find(([re]) => re.test(s.template))?.[1];
    if (!what && header && AUTH_HEADERS.test(header) && !usesConnection && s.template.trim() !== '') {
      what = `a literal ${header} header`;
    }
    if (!what || (usesConnection && !SECRET_SHAPES.slice(1).some(([re]) => re.test(s.template)))) continue;
    findings.push({
      code: 'OC-SPEC-LITERAL-SECRET',
      severity: 'error',
      pointer: s.pointer,
      message: `this value looks like ${what}; a credential in the spec would be copied into every flow and document`,
      hint: 'declare a connection parameter (type: password) and reference it as ${connection.<key>}',
    });
  }
  return findings;
}

const TEXTS = [
  '',
  ' ',
  'x',
  '${inputs.to}',
  '${connection.accountId}',
  'Bearer ${connection.accountId}',
  'Bearer abcdefgh12345',
  'SK0123456789abcdef0123456789abcdef',
  '${connection.accountId} SK0123456789abcdef0123456789abcdef',
  'sk_live_0123456789abc',
  'AKIA0123456789ABCDEF',
  '${inputs.a~b/c}',
  '$${inputs.to}',
  '${oops',
];
const KEYS = ['a', 'Authorization', 'x-api-key', 'a/b', 'c~d', '~1', '0', ''];

function randomRecord(r: Random): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = r.int(0, 3); i > 0; i--) record[r.pick(KEYS)] = r.pick(TEXTS);
  return record;
}

function randomFields(r: Random, depth: number): unknown {
  const kind = depth > 3 ? r.int(0, 1) : r.int(0, 3);
  if (kind === 0) return r.pick(TEXTS);
  if (kind === 1) return r.pick([1, true, null]);
  if (kind === 2) return Array.from({ length: r.int(0, 3) }, () => randomFields(r, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = r.int(0, 3); i > 0; i--) object[r.pick(KEYS)] = randomFields(r, depth + 1);
  return object;
}

function randomRequest(r: Random): RequestTemplate {
  const request: RequestTemplate = { method: r.pick(['GET', 'POST'] as const), path: r.pick(TEXTS) };
  if (r.int(0, 1)) request.query = randomRecord(r);
  if (r.int(0, 1)) request.headers = randomRecord(r);
  const body = r.int(0, 2);
  if (body === 1) request.body = { encoding: 'text', contentType: 'text/plain', content: r.pick(TEXTS) };
  if (body === 2) request.body = { encoding: 'json', fields: randomFields(r, 0) as Record<string, unknown> };
  return request;
}

function randomSpec(r: Random): ConnectorSpec {
  const spec = baseSpec();
  spec.defaultHeaders = randomRecord(r);
  spec.authping.request = randomRequest(r);
  spec.actions = Array.from({ length: r.int(1, 4) }, (_, i) => ({
    ...baseSpec().actions[0]!,
    name: `Action ${i}`,
    request: randomRequest(r),
  }));
  return spec;
}

describe('templated strings (differential)', () => {
  it('lists the strings with the pointers and parses of the code before', () => {
    let secrets = 0;
    for (let i = 0; i < 500; i++) {
      const spec = randomSpec(seededRandom('templated-differential', String(i)));
      const listed = templatedStrings(spec);
      const actions = listed.filter((s) => s.action);
      const expected = spec.actions.flatMap((action, actionIndex) =>
        referenceRequestStrings(action.request, ['actions', actionIndex, 'request'], {
          scope: actions.find((s) => s.actionIndex === actionIndex)!.scope,
          action,
          actionIndex,
        }),
      );
      expect(actions).toEqual(expected);
      const authping = listed.filter((s) => s.pointer.startsWith('/authping/'));
      expect(authping).toEqual(
        referenceRequestStrings(spec.authping.request, ['authping', 'request'], {
          scope: authping[0]!.scope,
        }),
      );
      const ctx: RuleContext = { spec, specDir: '.' };
      expect(templatedStringsOf(ctx).map((s) => s.parsed)).toEqual(
        listed.map((s) => parseTemplate(s.template)),
      );
      const found = literalSecrets.check(ctx);
      expect(found).toEqual(referenceLiteralSecrets(spec));
      secrets += found.length;
    }
    expect(secrets).toBeGreaterThan(100);
  });
});
