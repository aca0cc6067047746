import { describe, expect, it } from 'vitest';
import { basicUser, redactAuthorization, redactHeaders } from '../../../src/mock/http/redact.js';
import { RequestLog } from '../../../src/mock/http/record.js';

const basic = (s: string) => 'Basic ' + Buffer.from(s).toString('base64');

describe('redaction', () => {
  it('Basic keeps only the username; other schemes keep only their name', () => {
    expect(redactAuthorization(basic('SK123:secret'))).toBe('Basic <redacted:SK123>');
    expect(redactAuthorization('SSWS 00abc')).toBe('SSWS <redacted>');
    expect(redactAuthorization('Bearer eyJ')).toBe('Bearer <redacted>');
    expect(redactAuthorization('justatoken')).toBe('<redacted>');
    expect(redactAuthorization('Basic !!!')).toBe('Basic <redacted>');
    expect(basicUser(Buffer.from('AC1:tok').toString('base64'))).toBe('AC1');
  });

  it('redacts every credential header and keeps the rest', () => {
    const h = redactHeaders({
      authorization: basic('u:p'),
      cookie: 'sid=1',
      'x-api-key': 'k',
      accept: 'application/json',
      'x-multi': ['a', 'b'] as unknown as string,
    });
    expect(h).toEqual({
      authorization: 'Basic <redacted:u>',
      cookie: '<redacted>',
      'x-api-key': '<redacted>',
      accept: 'application/json',
      'x-multi': 'a, b',
    });
    expect(JSON.stringify(h)).not.toContain(':p');
  });
});

describe('RequestLog', () => {
  it('keeps order and drops the oldest beyond its cap', () => {
    const log = new RequestLog(4);
    for (let i = 0; i < 10; i++)
      log.add({ method: 'GET', path: `/${i}`, query: {}, headers: {}, status: 200 });
    expect(log.list().map((r) => r.path)).toEqual(['/6', '/7', '/8', '/9']);
    expect(log.droppedCount).toBe(6);
    log.clear();
    expect(log.list()).toEqual([]);
  });
});
