import { describe, expect, it } from 'vitest';
import { HTTP_FIELDS } from '../../../../src/flopack/cards/http-functions/request.js';
import { runFlow } from '../../../../src/simulate/index.js';
import { FlowBuilder, fakeTransport, flopackOf } from '../../../helpers/flow-builder.js';

const F = HTTP_FIELDS;
const REQ = [F.url, F.method, F.query, F.headers, F.body].map(({ key, group, type }) => ({
  key,
  group,
  type,
}));
const RES = [F.statusCode, F.responseHeaders, F.responseBody].map(({ key, group }) => ({
  key,
  group,
  type: '*',
}));

function httpFlow(tail: string, config?: string) {
  const f = new FlowBuilder('http');
  const s = f.start(REQ.map((r) => ({ key: r.key, type: '*' })));
  const h = f.card(tail, {
    name: 'HTTP',
    inputs: tail.endsWith(':raw') ? REQ : REQ.filter((r) => r.key !== 'Method'),
    outputs: RES,
    config: config ?? null,
  });
  const r = f.ret(['status', 'headers', 'body']);
  for (const { key } of REQ) if (tail.endsWith(':raw') || key !== 'Method') f.pin(s, key, h, key);
  f.pin(h, 'Status Code', r, 'status')
    .pin(h, 'Headers', r, 'headers')
    .pin(h, 'Body', r, 'body')
    .order(s, h, r);
  return flopackOf([f], config ? { [config]: { name: 'My API', module: 'httpfunctions' } } : {});
}

describe('HTTP Raw Request', () => {
  it('sends URL + query object, method, headers and text body; returns status, headers and text body', async () => {
    const { transport, requests } = fakeTransport(() => ({
      status: 201,
      headers: { 'x-a': '1' },
      body: '{"sid":"SM1"}',
    }));
    const r = await runFlow(
      httpFlow('httpfunctions:raw'),
      'http',
      {
        URL: 'https://api.example/v1?x=1',
        Method: 'post',
        Query: { to: '+1 555', tags: ['a', 'b'] },
        Headers: { Accept: 'application/json', 'X-N': 5 },
        Body: 'To=%2B1',
      },
      { transport },
    );
    expect(requests).toEqual([
      {
        method: 'POST',
        url: 'https://api.example/v1?x=1&to=%2B1%20555&tags=a&tags=b',
        headers: { Accept: 'application/json', 'X-N': '5' },
        body: 'To=%2B1',
      },
    ]);
    expect(r).toMatchObject({
      ok: true,
      outputs: { status: 201, headers: { 'x-a': '1' }, body: '{"sid":"SM1"}' },
    });
  });

  it('a non-2xx status is a result, not an error', async () => {
    const { transport } = fakeTransport(() => ({ status: 503, body: 'busy' }));
    expect(
      await runFlow(
        httpFlow('httpfunctions:raw'),
        'http',
        { URL: 'https://api.example/', Method: 'GET' },
        { transport },
      ),
    ).toMatchObject({ ok: true, outputs: { status: 503, body: 'busy' } });
  });

  it('a transport failure fails the card; a slow answer times out (httpTimeoutMs overrides the 30 s)', async () => {
    const down = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    expect(
      await runFlow(
        httpFlow('httpfunctions:raw'),
        'http',
        { URL: 'https://api.example/' },
        { transport: down },
      ),
    ).toMatchObject({
      ok: false,
      error: { kind: 'card-failed', message: /ECONNREFUSED/, card: { name: 'HTTP' } },
    });
    let aborted = false;
    const slow = (_: unknown, o: { timeoutMs: number; signal?: AbortSignal }) =>
      new Promise<never>((_r, reject) => {
        o.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('aborted'));
        });
      });
    const r = await runFlow(
      httpFlow('httpfunctions:raw'),
      'http',
      { URL: 'https://api.example/' },
      { transport: slow, httpTimeoutMs: 30 },
    );
    expect(r).toMatchObject({ ok: false, error: { kind: 'timeout', message: /timed out after 30 ms/ } });
    expect(aborted).toBe(true);
  });

  it('a connection (by config name) adds Basic auth unless Authorization is set', async () => {
    const { transport, requests } = fakeTransport(() => ({ status: 200 }));
    const fp = httpFlow('httpfunctions:raw', 'cfg-1');
    await runFlow(
      fp,
      'http',
      { URL: 'https://api.example/' },
      { transport, connections: { 'My API': { username: 'AC1', password: 'pw' } } },
    );
    await runFlow(
      fp,
      'http',
      { URL: 'https://api.example/', Headers: { Authorization: 'Bearer t' } },
      { transport, connections: { 'cfg-1': { username: 'AC1', password: 'pw' } } },
    );
    expect(requests.map((q) => q.headers['Authorization'])).toEqual([
      `Basic ${Buffer.from('AC1:pw').toString('base64')}`,
      'Bearer t',
    ]);
  });
});

describe('API Connector Get/Post/Put/Delete', () => {
  it('Post sends an object body as JSON and parses a JSON response body', async () => {
    const { transport, requests } = fakeTransport(() => ({ status: 200, body: '{"ok":true}' }));
    const r = await runFlow(
      httpFlow('httpfunctions:post'),
      'http',
      { URL: 'https://api.example/p', Body: { a: 1 } },
      { transport },
    );
    expect(requests[0]).toEqual({
      method: 'POST',
      url: 'https://api.example/p',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
    expect(r).toMatchObject({ ok: true, outputs: { status: 200, body: { ok: true } } });
  });

  it('Get/Put/Delete use their method; Get sends no body', async () => {
    const { transport, requests } = fakeTransport(() => ({ status: 204 }));
    for (const t of ['get', 'put', 'delete'])
      await runFlow(
        httpFlow(`httpfunctions:${t}`),
        'http',
        { URL: 'https://api.example/', Body: 'x' },
        { transport },
      );
    expect(requests.map((q) => [q.method, q.body])).toEqual([
      ['GET', undefined],
      ['PUT', 'x'],
      ['DELETE', 'x'],
    ]);
  });

  it('a status >= 400 fails the card with the status code (inferred Okta behaviour)', async () => {
    const { transport } = fakeTransport(() => ({ status: 404, body: '{"message":"not here"}' }));
    expect(
      await runFlow(httpFlow('httpfunctions:get'), 'http', { URL: 'https://api.example/' }, { transport }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'card-failed', statusCode: 404, message: 'HTTP: HTTP 404: not here' },
    });
  });
});
