import { describe, expect, it } from 'vitest';
import { BodyError, readBody } from '../../../src/mock/http/body.js';
import { listenLocal } from '../../../src/mock/http/listen.js';
import { sendEmpty, sendJson } from '../../../src/mock/http/respond.js';

describe('listenLocal + readBody + sendJson', () => {
  it('listens on 127.0.0.1 with a free port, reads bodies under the limit, refuses bigger ones, closes', async () => {
    const server = await listenLocal((req, res) => {
      readBody(req, { limit: 10, timeoutMs: 1000 }).then(
        (body) => (body.length === 0 ? sendEmpty(res, 204) : sendJson(res, 200, { got: body.toString() })),
        (e: BodyError) => sendJson(res, 413, { kind: e.kind }),
      );
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
    const ok = await fetch(server.url, { method: 'POST', body: 'hello' });
    expect(await ok.json()).toEqual({ got: 'hello' });
    expect(ok.headers.get('content-length')).toBe('15');
    const big = await fetch(server.url, { method: 'POST', body: 'x'.repeat(50) });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ kind: 'too-large' });
    expect((await fetch(server.url)).status).toBe(204);
    // An idle keep-alive connection must not hold close() up.
    await Promise.all([server.close(), server.close()]);
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('rejects with the listen error when the port is taken', async () => {
    const a = await listenLocal(() => undefined);
    await expect(listenLocal(() => undefined, { port: a.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
    await a.close();
  });
});
