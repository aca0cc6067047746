import { describe, expect, it } from 'vitest';
import { clip, xml } from '../../src/handoff-package/diagram-svg.js';
import { mdCode, mdEscape } from '../../src/handoff-package/markdown.js';
import { mermaidText } from '../../src/handoff-package/mermaid.js';

/**
 * The build sheets' text functions skip work for common input (a table instead of a regex per character, one test
 * before a replace chain). Each is checked here against its plain form (as it was before the fast path) on
 * generated text that mixes what the fast paths look for: plain words, whitespace runs, markup, control and
 * non-ASCII characters, surrogate pairs and lone surrogates.
 */

const PIECES = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...' .,:;!?\'"/+=@%$^~()-_[]{}<>&#|`*\\',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u2003',
  '\u0007',
  '\u0000',
  '\ufffe',
  '…',
  '›',
  'é',
  'Ω',
  '中',
  '😀',
  '\ud83d',
  '\ude00',
  'Ml',
  'WWWW',
  'iiii',
  ' 1. ',
  '12)',
  '\u00a0- ',
];

/** Deterministic strings of 0 to `max` pieces (a linear congruential generator, so a failure reproduces). */
function samples(count: number, max: number, seed = 1): string[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: next(max + 1) }, () => PIECES[next(PIECES.length)]).join(''),
  );
}

const TEXTS = [
  '',
  ' ',
  'Compose URL',
  'HTTP - Raw Request',
  '3. List the messages of an account',
  'W'.repeat(40),
  'i'.repeat(200),
  `${'a'.repeat(30)}😀${'b'.repeat(30)}`,
  ...samples(3000, 12),
  ...samples(2000, 60, 7),
];

describe('fast paths give the plain paths’ text', () => {
  it('clip (width table) = clip (regex per character)', () => {
    for (const font of [
      { px: 13, bold: true },
      { px: 11, bold: false },
    ]) {
      for (const text of TEXTS) expect(clip(text, font), JSON.stringify(text)).toBe(plainClip(text, font));
      // Both sides of the cut are exercised.
      const cut = TEXTS.filter((text) => plainClip(text, font) !== text.replace(/\s+/g, ' ')).length;
      expect(cut).toBeGreaterThan(500);
      expect(cut).toBeLessThan(TEXTS.length - 500);
    }
  });

  it('xml', () => {
    for (const text of TEXTS) expect(xml(text), JSON.stringify(text)).toBe(plainXml(text));
    expect(TEXTS.filter((text) => plainXml(text) !== text).length).toBeGreaterThan(500);
  });

  it('mermaidText', () => {
    for (const text of TEXTS) expect(mermaidText(text), JSON.stringify(text)).toBe(plainMermaidText(text));
    expect(TEXTS.filter((text) => plainMermaidText(text) === text).length).toBeGreaterThan(500);
  });

  it('mdEscape and mdCode', () => {
    // Twice: the texts that need escaping are escaped once, then remembered.
    for (const text of [...TEXTS, ...TEXTS]) {
      expect(mdEscape(text), JSON.stringify(text)).toBe(plainMdEscape(text));
      expect(mdCode(text), JSON.stringify(text)).toBe(plainMdCode(text));
    }
    expect(TEXTS.filter((text) => plainMdCode(text) === `\`${text}\``).length).toBeGreaterThan(500);
    // Both sides of the test before the replace chain, line-start markers included.
    expect(TEXTS.filter((text) => plainMdEscape(text) === text).length).toBeGreaterThan(500);
    expect(TEXTS.filter((text) => /^\s*([-+=]|\d+[.)])/.test(text)).length).toBeGreaterThan(50);
  });
});

// The plain forms, as in 962cd2a.

function plainMdEscape(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

function plainMdCode(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function plainClip(s: string, font: { px: number; bold: boolean }): string {
  const flat = s.replace(/\s+/g, ' ');
  const em = (c: string): number =>
    /[iIl.,:;!|'`j ]/.test(c)
      ? 0.34
      : /[frt()[\]{}\-]/.test(c)
        ? 0.45
        : /[MWmw@]/.test(c)
          ? 1
          : /[A-Z]/.test(c)
            ? 0.76
            : 0.64;
  const scale = font.px * (font.bold ? 1.08 : 1);
  const ellipsis = em('…') * scale;
  let used = 0;
  let end = 0;
  let fitsWithEllipsis = 0;
  for (const c of flat) {
    used += em(c) * scale;
    if (used > 272 - 16) return `${flat.slice(0, fitsWithEllipsis).trimEnd()}…`;
    end += c.length;
    if (used + ellipsis <= 272 - 16) fitsWithEllipsis = end;
  }
  return flat;
}

function plainXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
    );
}

function plainMermaidText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[^\p{L}\p{N} .,:;!?'/+=@%$^~()-]/gu, (ch) => `#${ch.codePointAt(0)};`);
}
