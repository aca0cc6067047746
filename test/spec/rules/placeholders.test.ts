import { describe, expect, it } from 'vitest';
import { placeholders } from '../../../src/spec/rules/placeholders.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('placeholders', () => {
  it('accepts inputs, options and connection values in scope', () => {
    expect(runRule(placeholders, baseSpec())).toEqual([]);
  });

  it('names an unknown input and suggests the closest', () => {
    const spec = withSpec((s) => {
      if (s.actions[0]!.request.body?.encoding === 'form')
        s.actions[0]!.request.body.fields.To = 'whatsapp:${inputs.too}';
    });
    expect(runRule(placeholders, spec)).toEqual([
      {
        code: 'OC-SPEC-UNKNOWN-PLACEHOLDER',
        severity: 'error',
        pointer: '/actions/0/request/body/fields/To',
        message:
          '${inputs.too} names inputs "too", which action "Send Message" does not declare; declared: to, body',
        hint: 'did you mean "to"?',
      },
    ]);
  });

  it('rejects inputs in the authping request, which has none', () => {
    const spec = withSpec((s) => (s.authping.request.path = '/users/${inputs.id}'));
    const [finding] = runRule(placeholders, spec);
    expect(finding).toMatchObject({ pointer: '/authping/request/path', code: 'OC-SPEC-UNKNOWN-PLACEHOLDER' });
    expect(finding!.message).toContain('has no inputs');
  });

  it('knows basic-auth connection fields and parameters', () => {
    const ok = withSpec((s) => (s.defaultHeaders = { 'X-User': '${connection.username}' }));
    expect(runRule(placeholders, ok)).toEqual([]);
    const bad = withSpec((s) => (s.baseUrl = 'https://x.test/${connection.acountId}'));
    expect(runRule(placeholders, bad)[0]).toMatchObject({
      pointer: '/baseUrl',
      hint: 'did you mean "accountId"?',
    });
  });

  it('reports malformed placeholders', () => {
    const spec = withSpec((s) => (s.actions[0]!.request.path = '/m/${input.to}/${inputs.to'));
    const codes = runRule(placeholders, spec).map((f) => f.code);
    expect(codes).toEqual(['OC-SPEC-PLACEHOLDER-SYNTAX', 'OC-SPEC-PLACEHOLDER-SYNTAX']);
  });
});
