import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenApiMock, type OpenApiMock } from '../../../src/mock/openapi/index.js';
import { FIXTURES } from './helpers.js';

/** A raw request, so the test decides every header (fetch would set Host and Origin itself). */
function raw(mock: OpenApiMock, method: string, path: string, headers: Record<string, string>, body = '') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: mock.port, method, path, headers, setHost: false },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the /__mock/ control endpoints', () => {
  let mock: OpenApiMock;
  let host: string;
  beforeAll(async () => {
    mock = await startOpenApiMock({ file: `${FIXTURES}petstore-multi/api.yaml` });
    host = `127.0.0.1:${mock.port}`;
  });
  afterAll(() => mock.close());

  it('show the request log and the operations; reset clears the log', async () => {
    await fetch(`${mock.url}/v1/pets/mine`);
    const log = JSON.parse((await raw(mock, 'GET', '/__mock/requests', { host })).body) as {
      requests: unknown[];
    };
    expect(log.requests).toHaveLength(1);
    const ops = JSON.parse(
      (await raw(mock, 'GET', '/__mock/operations', { host: `localhost:${mock.port}` })).body,
    ) as { operations: Array<{ name: string }> };
    expect(ops.operations.map((o) => o.name)).toContain('createPet');
    expect(
      (await raw(mock, 'POST', '/__mock/reset', { host, 'content-type': 'application/json' }, '{}')).status,
    ).toBe(204);
    expect(mock.requests()).toEqual([]);
    await fetch(`${mock.url}/v1/pets/mine`);
    expect((await raw(mock, 'POST', '/__mock/reset', { host, 'x-okta-connector-mock': '1' })).status).toBe(
      204,
    );
    expect(mock.requests()).toEqual([]);
  });

  it('refuse what a web page could send: another Host (DNS rebinding), another Origin, a cross-site fetch, a form POST', async () => {
    await fetch(`${mock.url}/v1/pets/mine`);
    const refusals = await Promise.all([
      raw(mock, 'GET', '/__mock/requests', { host: `attacker.example:${mock.port}` }),
      raw(mock, 'GET', '/__mock/requests', { host: `127.0.0.1:${mock.port + 1}` }),
      raw(mock, 'GET', '/__mock/requests', { host, origin: 'https://attacker.example' }),
      raw(mock, 'GET', '/__mock/requests', { host, 'sec-fetch-site': 'cross-site' }),
      raw(
        mock,
        'POST',
        '/__mock/reset',
        { host, 'content-type': 'application/x-www-form-urlencoded' },
        'a=1',
      ),
      raw(mock, 'POST', '/__mock/reset', { host, 'content-type': 'text/plain' }, '{}'),
    ]);
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(JSON.parse(refusals[0]!.body)).toEqual({ error: expect.stringContaining('is not this mock') });
    expect(mock.requests()).toHaveLength(1);
    // The mock's own page may: same Origin, same-origin fetch.
    const same = await raw(mock, 'GET', '/__mock/requests', {
      host,
      origin: `http://${host}`,
      'sec-fetch-site': 'same-origin',
    });
    expect(same.status).toBe(200);
  });

  it('list themselves on an unknown name', async () => {
    const r = await raw(mock, 'GET', '/__mock/nope', { host });
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body).endpoints).toContain('GET /__mock/requests');
  });
});
