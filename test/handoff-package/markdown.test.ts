import { describe, expect, it } from 'vitest';
import { kebab, mdCode, mdEscape, mdFence, uniqueSlugs } from '../../src/handoff-package/markdown.js';

describe('mdEscape', () => {
  it('turns Markdown syntax into literal text on one line', () => {
    expect(mdEscape('*bold* _it_ [link](x) <b> # | ~')).toBe(
      '\\*bold\\* \\_it\\_ \\[link\\](x) \\<b\\> \\# \\| \\~',
    );
    expect(mdEscape('a\nb\r\nc')).toBe('a b c');
    expect(mdEscape('- item')).toBe('\\- item');
    expect(mdEscape('1. first')).toBe('1\\. first');
    expect(mdEscape('1.0.0')).toBe('1.0.0');
    expect(mdEscape('&amp; & x')).toBe('\\&amp; & x');
    expect(mdEscape('{{x}}')).toBe('\\{\\{x\\}\\}');
  });
});

describe('mdCode', () => {
  it('uses a fence longer than any backtick run and escapes table pipes', () => {
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('a|b')).toBe('`a\\|b`');
  });
});

describe('mdFence', () => {
  it('keeps lines and outlasts backtick runs inside', () => {
    expect(mdFence('a\n```\nb')).toBe('````text\na\n```\nb\n````');
  });
});

describe('kebab / uniqueSlugs', () => {
  it('makes file-safe unique slugs', () => {
    expect(kebab('Send Message via Messaging Service')).toBe('send-message-via-messaging-service');
    expect(kebab('Ünïcode ✓ Name')).toBe('unicode-name');
    expect(uniqueSlugs(['Send  Message', 'Send Message', '日本', '../..'], 'action')).toEqual([
      'send-message',
      'send-message-2',
      'action',
      'action-2',
    ]);
  });
});
