import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport, rewriteUrl } from '../../src/simulate/transport.js';

let server: http.Server;
let origin = '';
const seen: Array<{ method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url?.startsWith('/slow')) return void setTimeout(() => res.end('late'), 500);
      res.writeHead(201, { 'Content-Type': 'application/json', 'X-Multi': ['a', 'b'] });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('createHttpTransport', () => {
  it('rewrites the real origin to the mock and sends method, headers and body', async () => {
    const t = createHttpTransport({ rewrite: [{ from: 'https://api.twilio.com', to: origin }] });
    const res = await t(
      {
        method: 'POST',
        url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?x=1',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'To=%2B1',
      },
      { timeoutMs: 5000 },
    );
    expect(res).toEqual({
      status: 201,
      headers: expect.objectContaining({ 'content-type': 'application/json', 'x-multi': 'a, b' }),
      body: '{"ok":true}',
      url: `${origin}/2010-04-01/Accounts/AC1/Messages.json?x=1`,
    });
    const last = seen.at(-1)!;
    expect([
      last.method,
      last.url,
      last.body,
      last.headers['content-type'],
      last.headers['content-length'],
    ]).toEqual([
      'POST',
      '/2010-04-01/Accounts/AC1/Messages.json?x=1',
      'To=%2B1',
      'application/x-www-form-urlencoded',
      '7',
    ]);
  });

  it('times out and rejects', async () => {
    const t = createHttpTransport();
    await expect(
      t({ method: 'GET', url: `${origin}/slow`, headers: {} }, { timeoutMs: 50 }),
    ).rejects.toMatchObject({ name: 'TransportError', timedOut: true });
  });

  it('rejects unreachable hosts and bad URLs without throwing synchronously', async () => {
    const t = createHttpTransport();
    await expect(
      t({ method: 'GET', url: 'http://127.0.0.1:1/', headers: {} }, { timeoutMs: 2000 }),
    ).rejects.toMatchObject({ name: 'TransportError' });
    await expect(t({ method: 'GET', url: 'not a url', headers: {} }, { timeoutMs: 2000 })).rejects.toThrow(
      /invalid URL/,
    );
  });

  it('rewriteUrl matches whole origins only', () => {
    const rw = [{ from: 'https://api.twilio.com', to: 'http://127.0.0.1:9' }];
    expect(rewriteUrl('https://api.twilio.com/x', rw)).toBe('http://127.0.0.1:9/x');
    expect(rewriteUrl('https://api.twilio.com.evil.example/x', rw)).toBe(
      'https://api.twilio.com.evil.example/x',
    );
  });
});

describe('the URL actually requested (issue 12: --trace shows it)', () => {
  it('is reported on the response when a rewrite sent the request elsewhere', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_, res) => res.end('{}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const to = `http://127.0.0.1:${port}`;
      const rewritten = await createHttpTransport({ rewrite: [{ from: 'https://api.example.com', to }] })(
        { method: 'GET', url: 'https://api.example.com/v1/x?y=1', headers: {} },
        { timeoutMs: 5000 },
      );
      expect(rewritten.url).toBe(`${to}/v1/x?y=1`);
      const direct = await createHttpTransport()(
        { method: 'GET', url: `${to}/z`, headers: {} },
        { timeoutMs: 5000 },
      );
      expect(direct.url).toBeUndefined();
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
