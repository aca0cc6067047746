import { describe, expect, it } from 'vitest';
import {
  PLACEHOLDER_SOURCES,
  isSingleRef,
  parseTemplate,
  templateRefs,
  type PlaceholderSource,
} from '../../src/spec/placeholders.js';

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

/** parseTemplate as it was written first (matchAll, split and join): the oracle for the faster loop. */
function parseWithMatchAll(template: string): ReturnType<typeof parseTemplate> {
  const parts: ReturnType<typeof parseTemplate>['parts'] = [];
  const problems: ReturnType<typeof parseTemplate>['problems'] = [];
  let text = '';
  let last = 0;
  for (const m of template.matchAll(/\$\$\{|\$\{([^{}]*)\}|\$\{/g)) {
    const offset = m.index;
    text += template.slice(last, offset);
    last = offset + m[0].length;
    if (m[0] === '$${') {
      text += '${';
      continue;
    }
    if (m[1] === undefined) {
      problems.push({ offset, raw: m[0], message: 'unterminated placeholder: expected `${source.key}`' });
      text += m[0];
      continue;
    }
    const [source, ...rest] = m[1].trim().split('.');
    const key = rest.join('.');
    if (!PLACEHOLDER_SOURCES.includes(source as PlaceholderSource) || key === '') {
      problems.push({ offset, raw: m[0], message: expect.any(String) as unknown as string });
      text += m[0];
      continue;
    }
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push({ kind: 'ref', source: source as PlaceholderSource, key, raw: m[0], offset });
  }
  text += template.slice(last);
  if (text) parts.push({ kind: 'text', text });
  return { parts, problems };
}

describe('parseTemplate on random templates', () => {
  it('gives the parts and problems of the matchAll/split parser it replaced', () => {
    const pieces = ['${', '$${', '}', '{', '$', '.', ' ', 'inputs', 'options', 'connection', 'a.b', 'x', 'é'];
    let seed = 11;
    const next = (): number => {
      seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
      return (seed >>> 0) / 2 ** 32;
    };
    for (let n = 0; n < 3_000; n++) {
      let template = '';
      for (let i = Math.floor(next() * 14); i > 0; i--)
        template += pieces[Math.floor(next() * pieces.length)];
      expect(parseTemplate(template), template).toEqual(parseWithMatchAll(template));
    }
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
