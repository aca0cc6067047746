import { describe, expect, it } from 'vitest';
import {
  REDACTED,
  SecretScrubber,
  redactBody,
  redactHeaders,
  redactUrl,
  redactValues,
} from '../../src/simulate/redact.js';

describe('redaction', () => {
  it('hides auth and token/secret/key headers that carry a value', () => {
    expect(
      redactHeaders({
        Authorization: 'Basic abc',
        'Proxy-Authorization': 'x',
        'x-api-client-token': 't',
        'X-Api-Key': 'k',
        'X-Secret-Thing': 's',
        Accept: 'a',
        'X-Token-Empty': '',
      }),
    ).toEqual({
      Authorization: REDACTED,
      'Proxy-Authorization': REDACTED,
      'x-api-client-token': REDACTED,
      'X-Api-Key': REDACTED,
      'X-Secret-Thing': REDACTED,
      Accept: 'a',
      'X-Token-Empty': '',
    });
  });
  it('returns the same object when nothing is secret (cheap tracing)', () => {
    const h = { Accept: 'a' };
    expect(redactHeaders(h)).toBe(h);
    const v = { a: { b: [1, { c: 2 }] } };
    expect(redactValues(v)).toBe(v);
  });
  it('hides secret-named values, nested too, without touching the original', () => {
    const v = {
      user: 'u',
      password: 'p',
      auth: { username: 'AC', password: 'pw', access_token: 't' },
      list: [{ apiKey: 'k' }],
    };
    expect(redactValues(v)).toEqual({
      user: 'u',
      password: REDACTED,
      auth: { username: 'AC', password: REDACTED, access_token: REDACTED },
      list: [{ apiKey: REDACTED }],
    });
    expect(v.auth.password).toBe('pw');
  });
  it('hides secret query parameters and body fields', () => {
    expect(redactUrl('https://x/invoke?clientToken=abc&a=1')).toBe(
      `https://x/invoke?clientToken=${encodeURIComponent(REDACTED)}&a=1`,
    );
    expect(redactBody({ body: 'username=a&password=b' }).body).toBe(
      `username=a&password=${encodeURIComponent(REDACTED)}`,
    );
    expect(JSON.parse(redactBody({ body: '{"access_token":"t","x":1}' }).body!)).toEqual({
      access_token: REDACTED,
      x: 1,
    });
  });
});

describe('SecretScrubber', () => {
  it('remembers secret-named values and masks them wherever they appear later', () => {
    const sc = new SecretScrubber();
    expect(sc.scrub({ auth: { username: 'SK1', password: 'hunter22' } })).toEqual({
      auth: { username: 'SK1', password: REDACTED },
    });
    sc.hit = false;
    expect(sc.scrub({ string1: 'SK1:', string2: 'hunter22' })).toEqual({
      string1: 'SK1:',
      string2: REDACTED,
    });
    expect(sc.hit).toBe(true);
    expect(sc.text('x=hunter22&y=1')).toBe(`x=${REDACTED}&y=1`);
  });
  it('taints text outputs derived from secrets; short secrets only match whole values', () => {
    const sc = new SecretScrubber();
    sc.add('pw');
    expect(sc.text('pwned password')).toBe('pwned password');
    expect(sc.text('pw')).toBe(REDACTED);
    sc.taint({ output: 'U0sxOnB3', n: 3 });
    expect(sc.scrub({ header: 'Basic U0sxOnB3' })).toEqual({ header: `Basic ${REDACTED}` });
  });
});

describe('bounded trace values (issue 18 #7)', () => {
  it('cuts a doubled string to MAX_TRACE_TEXT with its length, never half a secret', async () => {
    const { MAX_TRACE_TEXT } = await import('../../src/simulate/redact.js');
    const scrubber = new SecretScrubber();
    const secret = 'PLANTED-SECRET-VALUE-1234';
    scrubber.add(secret);
    let text = 'x'.repeat(MAX_TRACE_TEXT - 5) + secret;
    for (let i = 0; i < 14; i++) text += text; // 32 MB, as a chain of Concatenate cards makes it
    const shown = scrubber.scrub({ text }).text;
    expect(shown.length).toBeLessThan(MAX_TRACE_TEXT + 40);
    expect(shown).toContain(`[${text.length} characters]`);
    expect(shown).not.toContain('PLANTED');
  });

  it('keeps an object fanned out 40 times small, and shares what repeats', () => {
    let value: Record<string, unknown> = { leaf: 'v' };
    for (let i = 0; i < 40; i++) value = { left: value, right: value, list: [value, value] };
    const shown = new SecretScrubber().scrub({ value });
    expect(JSON.stringify(shown).length).toBeLessThan(200_000);
  });

  it('caps long lists and wide objects, saying how much was left out', () => {
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    const shown = new SecretScrubber().scrub({ list: Array.from({ length: 500 }, (_, i) => i), wide });
    expect(shown.list).toHaveLength(101);
    expect(shown.list[100]).toBe('… 400 more items');
    expect(shown.wide['…']).toBe('400 more keys');
  });

  it('masks secrets nested deeper than the old six-level limit', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('PLANTED-DEEP-SECRET');
    let value: unknown = 'PLANTED-DEEP-SECRET';
    for (let i = 0; i < 12; i++) value = { x: value };
    expect(JSON.stringify(scrubber.scrub({ value }))).not.toContain('PLANTED');
  });
});
