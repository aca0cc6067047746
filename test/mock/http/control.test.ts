import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { secretEquals } from '../../../src/mock/http/constant-time.js';
import { refuseControlRequest } from '../../../src/mock/http/control.js';

const req = (method: string, headers: Record<string, string>) =>
  ({ method, headers }) as unknown as IncomingMessage;
const loopback = { host: '127.0.0.1', port: 4010 };
const json = { 'content-type': 'application/json; charset=utf-8' };

describe('control requests: only from the machine, never from a web page', () => {
  it.each(['127.0.0.1:4010', 'localhost:4010', 'LOCALHOST:4010', '[::1]:4010'])(
    'Host %s is accepted',
    (host) => expect(refuseControlRequest(req('POST', { host, ...json }), loopback)).toBeUndefined(),
  );

  it.each(['evil.example:4010', 'evil.example', '127.0.0.1:4011', '127.0.0.1', ''])(
    'Host "%s" is refused with 403 (DNS rebinding)',
    (host) => expect(refuseControlRequest(req('GET', { host }), loopback)?.status).toBe(403),
  );

  it.each([
    ['no content type', {}],
    ['a form (a cross-origin simple request)', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['text/plain (a simple request too)', { 'content-type': 'text/plain' }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
  ])('POST with %s is refused with 415', (_n, headers) =>
    expect(refuseControlRequest(req('POST', { host: '127.0.0.1:4010', ...headers }), loopback)?.status).toBe(
      415,
    ),
  );

  it('GET needs no content type; DELETE does', () => {
    expect(refuseControlRequest(req('GET', { host: 'localhost:4010' }), loopback)).toBeUndefined();
    expect(refuseControlRequest(req('DELETE', { host: 'localhost:4010' }), loopback)?.status).toBe(415);
  });

  it('bound to every interface: IP-literal hosts on the right port, never a name other than localhost', () => {
    const any = { host: '0.0.0.0', port: 80 };
    expect(refuseControlRequest(req('GET', { host: '192.168.1.7:80' }), any)).toBeUndefined();
    expect(refuseControlRequest(req('GET', { host: 'localhost' }), any)).toBeUndefined();
    expect(refuseControlRequest(req('GET', { host: 'rebind.example:80' }), any)?.status).toBe(403);
  });
});

describe('secretEquals', () => {
  it('is true only for the same bytes', () => {
    expect(secretEquals('s3cret', 's3cret')).toBe(true);
    expect(secretEquals(Buffer.from('s3cret'), 's3cret')).toBe(true);
    expect(secretEquals('s3creT', 's3cret')).toBe(false);
    expect(secretEquals('s3cret-longer', 's3cret')).toBe(false);
    expect(secretEquals('', 's3cret')).toBe(false);
    expect(secretEquals('é', 'e\u0301')).toBe(false);
  });
});
