import { describe, expect, it } from 'vitest';
import { POLLING } from '../../src/connector/contract.js';
import type { HttpRequest, HttpResponse } from '../../src/simulate/index.js';
import type { PollingEvent } from '../../src/spec/types.js';
import { validateObject, withSpec } from '../spec/helpers.js';
import { runBuilt } from './run-action.js';

/**
 * The polling monitor's flow, built from a spec and run in the simulator run after run as Okta schedules it: each
 * run gets the Cursor the last one saved.
 */
const event: PollingEvent = {
  name: 'New Item',
  description: 'Runs for each new item.',
  request: { method: 'GET', path: '/items', query: { since: '${inputs.cursor}' } },
  items: 'data',
  cursor: 'latest',
};
const spec = withSpec((s) => {
  s.events = [event];
});

/** A service whose items after `since` are returned with the newest one's id as `latest` (empty when none). */
const ITEMS = ['a1', 'a2', 'a3'].map((id) => ({ id }));
const service = (req: HttpRequest): HttpResponse => {
  const since = new URL(req.url).searchParams.get('since');
  const data = since === null ? ITEMS : ITEMS.slice(ITEMS.findIndex((i) => i.id === since) + 1);
  return { status: 200, headers: {}, body: JSON.stringify({ data, latest: data.at(-1)?.id ?? '' }) };
};
const poll = (cursor: string, respond = service) =>
  runBuilt(spec, event.name, { [POLLING.cursorInput]: cursor }, undefined, respond);

describe('polling monitor event flow', () => {
  it('is a valid spec', async () => {
    expect((await validateObject(spec)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the first run only sets the cursor: no records, and no empty `since` sent', async () => {
    const { result, requests } = await poll('');
    expect(result).toMatchObject({ ok: true, outputs: { records: [], count: 0 }, cursor: { value: 'a3' } });
    expect([...new URL(requests[0]!.url).searchParams.keys()]).toEqual([]);
  });

  it('a later run returns what is newer than its cursor and saves the newest', async () => {
    const { result, requests } = await poll('a1');
    expect(new URL(requests[0]!.url).searchParams.get('since')).toBe('a1');
    expect(result).toMatchObject({
      ok: true,
      outputs: { records: [{ id: 'a2' }, { id: 'a3' }], count: 2 },
      cursor: { value: 'a3' },
    });
  });

  it('keeps the cursor when nothing is new', async () => {
    const { result } = await poll('a3');
    expect(result).toMatchObject({ ok: true, outputs: { count: 0 }, cursor: { value: 'a3' } });
  });

  it('fails as Okta does when the cursor would exceed 10 KB', async () => {
    const huge = 'x'.repeat(POLLING.cursorLimitBytes + 1);
    const { result } = await poll('a1', () => ({
      status: 200,
      headers: {},
      body: JSON.stringify({ data: [], latest: huge }),
    }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('10 KB');
  });

  it('reports the service’s error instead of saving a cursor', async () => {
    const { result } = await poll('a1', () => ({
      status: 500,
      headers: {},
      body: JSON.stringify({ message: 'down for maintenance' }),
    }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('down for maintenance');
  });
});
