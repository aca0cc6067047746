import { describe, expect, it } from 'vitest';
import { escapeControlCharacters, terminalSafe } from '../../src/util/terminal-safe.js';

describe('escapeControlCharacters (issue 18 #9)', () => {
  it('shows ESC, BEL, CR, DEL, C1 and bidi overrides as escapes', () => {
    expect(escapeControlCharacters('key\x1b]0;pwned\x07 end')).toBe('key\\x1b]0;pwned\\x07 end');
    expect(escapeControlCharacters('a\rb\x7fc\x9bd')).toBe('a\\x0db\\x7fc\\x9bd');
    expect(escapeControlCharacters('flow \u202egnp.exe')).toBe('flow \\u202egnp.exe');
    expect(escapeControlCharacters('\x1b[2J\x1b[8m')).toBe('\\x1b[2J\\x1b[8m');
  });

  it('keeps newlines, tabs, plain text and our own colour codes', () => {
    const painted = '\x1b[31merror\x1b[39m  \x1b[2mOC-X\x1b[22m\tline\n';
    expect(escapeControlCharacters(painted)).toBe(painted);
    expect(escapeControlCharacters('café ✔ 日本')).toBe('café ✔ 日本');
  });

  it('escapes what passes through a terminal-safe writer', () => {
    const written: string[] = [];
    terminalSafe({ write: (s: string) => written.push(s) }).write('name\x07\n');
    expect(written).toEqual(['name\\x07\n']);
  });
});
