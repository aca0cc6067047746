import { describe, expect, it } from 'vitest';
import { all, first, parseForm, parseQuery } from '../../../src/mock/http/form.js';

describe('parseForm / parseQuery', () => {
  it('decodes +, percent escapes and repeated keys', () => {
    const f = parseForm(Buffer.from('To=%2B1415&Body=hello+world&MediaUrl=a&MediaUrl=b&Empty=&Flag'));
    expect(f).toEqual({ To: '+1415', Body: 'hello world', MediaUrl: ['a', 'b'], Empty: '', Flag: '' });
    expect(first(f, 'MediaUrl')).toBe('a');
    expect(all(f, 'MediaUrl')).toEqual(['a', 'b']);
    expect(all(f, 'Missing')).toEqual([]);
    expect(first(f, 'toString')).toBeUndefined();
  });

  it('is strict about encodings where URLSearchParams would silently substitute U+FFFD', () => {
    expect(() => parseForm(Buffer.from('a=%ZZ'))).toThrow();
    expect(() => parseForm(Buffer.from('a=%FF'))).toThrow();
    expect(() => parseForm(Buffer.from([0x61, 0x3d, 0xff]))).toThrow();
    expect(parseForm(Buffer.from('a=%C3%A9'))).toEqual({ a: 'é' });
  });

  it('keeps __proto__ as data and leaves Object.prototype alone', () => {
    const f = parseForm('__proto__=x&__proto__=y');
    expect(f.__proto__).toEqual(['x', 'y']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('parseQuery never throws', () => {
    expect(parseQuery('DateSent%3E=2020-01-02&bad=%ZZ')).toEqual({ 'DateSent>': '2020-01-02', bad: '%ZZ' });
  });
});
