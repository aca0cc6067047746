import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { call, C_AUTH_KEY, MESSAGES, useMock } from './helpers.js';

/** Sends raw bytes and returns what came back before the server closed or `waitMs` passed. */
function raw(port: number, data: Buffer | string, waitMs = 1500, hangUpAfterWrite = false): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    const done = () => {
      socket.destroy();
      resolve(out);
    };
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('close', done);
    socket.on('error', done);
    socket.write(data, () => {
      if (hangUpAfterWrite) done();
    });
    setTimeout(done, waitMs);
  });
}

const post = (body: Buffer | string, type = 'application/x-www-form-urlencoded', length?: number) =>
  Buffer.concat([
    Buffer.from(
      `POST ${MESSAGES} HTTP/1.1\r\nHost: x\r\nAuthorization: ${C_AUTH_KEY}\r\nContent-Type: ${type}\r\n` +
        `Content-Length: ${length ?? Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
    ),
    Buffer.isBuffer(body) ? body : Buffer.from(body),
  ]);

const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));
const statusOf = (response: string) => Number(response.slice(9, 12));

describe('robustness: bad requests get a Twilio-style error and the server keeps serving', () => {
  const mock = useMock({ bodyLimitBytes: 1024, bodyTimeoutMs: 150 });
  const stillServing = async () => expect((await call(mock(), 'GET', MESSAGES)).status).toBe(200);

  it.each([
    ['broken percent escape', 'To=%ZZ&From=%2B15005550006&Body=x'],
    ['percent-encoded invalid UTF-8', 'To=%2B14155550100&From=%2B15005550006&Body=%FF%FE'],
    ['raw invalid UTF-8 bytes', Buffer.from([0x54, 0x6f, 0x3d, 0xc3, 0x28])],
  ])('%s → 400 / 20001', async (_n, body) => {
    const res = await raw(mock().port, post(body));
    expect(statusOf(res)).toBe(400);
    expect(bodyOf(res)).toMatchObject({ code: 20001, status: 400 });
    await stillServing();
  });

  it('a JSON body is not form data: Twilio ignores it, so To is missing (21604)', async () => {
    const res = await raw(mock().port, post('{"To":"+14155550100"}', 'application/json'));
    expect(bodyOf(res)).toMatchObject({ code: 21604, status: 400 });
  });

  it('a field named __proto__ is just a field', async () => {
    const res = await raw(
      mock().port,
      post('__proto__=x&constructor=y&To=%2B14155550100&From=%2B15005550006&Body=ok'),
    );
    expect(statusOf(res)).toBe(201);
  });

  it('oversized body → 413 with a Twilio-style body', async () => {
    const res = await raw(mock().port, post('Body=' + 'x'.repeat(4000)));
    expect(statusOf(res)).toBe(413);
    expect(bodyOf(res)).toMatchObject({ code: 20001, status: 413 });
    await stillServing();
  });

  it('a body far beyond the limit (by Content-Length) is refused at once', async () => {
    const res = await raw(mock().port, post('x', undefined, 50_000_000));
    expect(statusOf(res)).toBe(413);
    await stillServing();
  });

  it('a client that dawdles over its body gets 408', async () => {
    const res = await raw(mock().port, post('To=%2B1', undefined, 100));
    expect(statusOf(res)).toBe(408);
    expect(bodyOf(res)).toMatchObject({ code: 20001, status: 408 });
    await stillServing();
  });

  it('a client that hangs up mid-body is recorded with status 0', async () => {
    mock().reset();
    await raw(mock().port, post('To=%2B1', undefined, 100), 1500, true);
    await new Promise((r) => setTimeout(r, 50));
    await stillServing();
    expect(mock().requests()[0]).toMatchObject({ method: 'POST', status: 0 });
  });

  it('garbage instead of HTTP is closed with 400; the server survives', async () => {
    const res = await raw(mock().port, '\x16\x03\x01 not http at all\r\n\r\n');
    expect(res).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });

  it('only the .json Messages routes exist: 404 / 20404 with the path; wrong method 405', async () => {
    const xml = await call(mock(), 'GET', MESSAGES.replace('.json', '.xml'));
    expect(xml.body).toEqual({
      code: 20404,
      message: `The requested resource ${MESSAGES.replace('.json', '.xml')} was not found`,
      more_info: 'https://www.twilio.com/docs/errors/20404',
      status: 404,
    });
    expect((await call(mock(), 'GET', '/')).status).toBe(404);
    expect((await call(mock(), 'PUT', MESSAGES)).body).toMatchObject({ code: 20004, status: 405 });
  });

  it('answers with Twilio headers', async () => {
    const r = await call(mock(), 'GET', MESSAGES);
    expect(r.headers.get('twilio-request-id')).toMatch(/^RQ[0-9a-f]{32}$/);
    expect(r.headers.get('x-powered-by')).toBe('AT-5000');
  });
});
