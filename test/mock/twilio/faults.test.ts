import { request } from 'node:http';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkFault, FaultTable } from '../../../src/mock/twilio/faults.js';
import { call, create, MESSAGES, SMS, useMock } from './helpers.js';

describe('FaultTable counting', () => {
  it('nth fires once by default; times extends it; route filters; unlimited without nth', () => {
    const t = new FaultTable();
    t.add({ route: 'messages.create', nth: 2, kind: 'rate-limit' });
    t.add({ route: 'messages.list', nth: 1, times: 2, kind: 'server-error' });
    const fired = [
      'messages.create',
      'messages.create',
      'messages.create',
      'messages.list',
      'messages.list',
      'messages.list',
    ].map((r) => t.take(r as 'messages.create')?.kind ?? '-');
    expect(fired).toEqual(['-', 'rate-limit', '-', 'server-error', 'server-error', '-']);
    t.clear();
    t.add({ kind: 'slow', delayMs: 1 });
    expect([1, 2, 3].map(() => t.take('messages.fetch')?.kind)).toEqual(['slow', 'slow', 'slow']);
  });

  it('rejects malformed specs with a message naming the field', () => {
    expect(() => checkFault({ kind: 'boom' })).toThrow(/"kind" must be one of/);
    expect(() => checkFault({ kind: 'rate-limit', route: 'calls.create' })).toThrow(/"route"/);
    expect(() => checkFault({ kind: 'server-error', status: 404 })).toThrow(/5xx/);
    expect(() => checkFault({ kind: 'slow', nth: 0 })).toThrow(/"nth" must be a positive integer/);
  });
});

describe('fault injection over the wire', () => {
  const mock = useMock();
  beforeEach(() => mock().reset());

  it('rate-limit: 429 / 20429 with Retry-After, then normal service', async () => {
    mock().addFault({ route: 'messages.create', kind: 'rate-limit', retryAfterSeconds: 7, nth: 1 });
    const r = await create(mock(), SMS);
    expect(r.status).toBe(429);
    expect(r.body).toEqual({
      code: 20429,
      message: 'Too Many Requests',
      more_info: 'https://www.twilio.com/docs/errors/20429',
      status: 429,
    });
    expect(r.headers.get('retry-after')).toBe('7');
    expect((await create(mock(), SMS)).status).toBe(201);
    expect(mock().messages()).toHaveLength(1);
  });

  it('server-error: the chosen 5xx on the nth matching request', async () => {
    mock().addFault({ route: 'messages.list', kind: 'server-error', status: 503, nth: 2 });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await call(mock(), 'GET', MESSAGES)).status);
    expect(codes).toEqual([200, 503, 200]);
    expect(
      mock()
        .requests()
        .map((r) => r.status),
    ).toEqual([200, 503, 200]);
  });

  it('slow: answers normally after the delay', async () => {
    mock().addFault({ kind: 'slow', delayMs: 120 });
    const t0 = performance.now();
    expect((await create(mock(), SMS)).status).toBe(201);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(100);
  });

  it('timeout: never answers; the client gives up; the server keeps serving', async () => {
    mock().addFault({ route: 'messages.fetch', kind: 'timeout', nth: 1 });
    const url = new URL(`${MESSAGES.replace('.json', '')}/SM${'0'.repeat(32)}.json`, mock().url);
    const outcome = await new Promise<string>((resolve) => {
      const req = request(url, { timeout: 150 }, () => resolve('answered'));
      req.on('timeout', () => {
        req.destroy();
        resolve('timed out');
      });
      req.on('error', () => undefined);
      req.end();
    });
    expect(outcome).toBe('timed out');
    expect((await call(mock(), 'GET', MESSAGES)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    expect(mock().requests()[0]!.status).toBe(0);
  });

  it('timeout with delayMs cuts the connection without an answer', async () => {
    mock().addFault({ kind: 'timeout', delayMs: 30 });
    await expect(fetch(mock().url + MESSAGES)).rejects.toThrow();
    mock().clearFaults();
    expect((await call(mock(), 'GET', MESSAGES)).status).toBe(200);
  });

  it('POST/GET/DELETE /__mock/faults manage the same table', async () => {
    const json = { 'content-type': 'application/json' };
    const add = await fetch(mock().url + '/__mock/faults', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ kind: 'rate-limit', route: 'messages.list' }),
    });
    expect(add.status).toBe(201);
    expect((await call(mock(), 'GET', MESSAGES)).status).toBe(429);
    const bad = await fetch(mock().url + '/__mock/faults', {
      method: 'POST',
      headers: json,
      body: '{"kind":"nope"}',
    });
    expect(bad.status).toBe(400);
    expect(
      ((await (await fetch(mock().url + '/__mock/faults')).json()) as { faults: unknown[] }).faults,
    ).toHaveLength(1);
    expect((await fetch(mock().url + '/__mock/faults', { method: 'DELETE', headers: json })).status).toBe(
      204,
    );
    expect((await call(mock(), 'GET', MESSAGES)).status).toBe(200);
  });
});
