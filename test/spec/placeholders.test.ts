import { describe, expect, it } from 'vitest';
import { isSingleRef, parseTemplate, templateRefs } from '../../src/spec/placeholders.js';

describe('parseTemplate', () => {
  it('splits literal text and references', () => {
    expect(parseTemplate('whatsapp:${inputs.to}').parts).toEqual([
      { kind: 'text', text: 'whatsapp:' },
      { kind: 'ref', source: 'inputs', key: 'to', raw: '${inputs.to}', offset: 9 },
    ]);
  });

  it('treats $${ as a literal ${', () => {
    expect(parseTemplate('cost: $${options.x}').parts).toEqual([
      { kind: 'text', text: 'cost: ${options.x}' },
    ]);
  });

  it('reports unknown sources and unterminated references', () => {
    const { problems } = parseTemplate('${input.to} ${inputs.to');
    expect(problems.map((p) => p.offset)).toEqual([0, 12]);
  });

  it('lists references and recognises a lone one', () => {
    expect(templateRefs('/A/${connection.accountSid}/M/${inputs.sid}.json').map((r) => r.key)).toEqual([
      'accountSid',
      'sid',
    ]);
    expect(isSingleRef('${inputs.to}')).toBe(true);
    expect(isSingleRef('+${inputs.to}')).toBe(false);
  });
});
