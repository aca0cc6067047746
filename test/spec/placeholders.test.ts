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

describe('parseTemplate on hostile text (issue 18 #3, #5)', () => {
  it.each([
    ['100,000 "${"', '${'.repeat(100_000), 100_000],
    ['50,000 unclosed "${inputs.a"', '${inputs.a'.repeat(50_000), 50_000],
    ['200,000 "$"', '$'.repeat(200_000), 0],
    ['an unclosed 200,000-character key', '${inputs.' + 'a'.repeat(200_000), 1],
  ])('parses %s in linear time', (_, template, problems) => {
    const started = performance.now();
    expect(parseTemplate(template).problems).toHaveLength(problems);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
