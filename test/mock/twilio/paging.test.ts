import { beforeAll, describe, expect, it } from 'vitest';
import { call, create, MESSAGES, useMock } from './helpers.js';

/** A clock the test moves, so DateSent filters see messages on known days. */
let clock = new Date('2026-03-01T10:00:00Z');

describe('list: filters and real paging (reference §2.4, §8.7)', () => {
  const mock = useMock({ now: () => clock, lifecycleStepMs: 1 });
  const sids: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 7; i++) {
      clock = new Date(Date.UTC(2026, 2, 1 + i, 10)); // one per day, 1..7 March
      const to = i % 2 === 0 ? '+14155550100' : '+14155550101';
      sids.push((await create(mock(), { To: to, From: '+15005550006', Body: `m${i}` })).body.sid);
    }
    await mock().settle();
  });
  const list = async (qs: string) => (await call(mock(), 'GET', `${MESSAGES}?${qs}`)).body;

  it('defaults to 50 per page, newest first, one page with next_page_uri null', async () => {
    const page = await list('');
    expect(page.page_size).toBe(50);
    expect(page.messages.map((m: { sid: string }) => m.sid)).toEqual([...sids].reverse());
    expect(page).toMatchObject({ page: 0, start: 0, end: 6, next_page_uri: null, previous_page_uri: null });
    expect(page.first_page_uri).toBe(`${MESSAGES}?PageSize=50&Page=0`);
    expect(page.uri).toBe(page.first_page_uri);
  });

  it('follows next_page_uri to the end: every message exactly once, then null', async () => {
    const seen: string[] = [];
    let uri: string | null = `${MESSAGES}?PageSize=3`;
    const pages: Array<{ page: number; start: number; end: number }> = [];
    while (uri) {
      const p: any = (await call(mock(), 'GET', uri)).body;
      seen.push(...p.messages.map((m: { sid: string }) => m.sid));
      pages.push({ page: p.page, start: p.start, end: p.end });
      uri = p.next_page_uri;
    }
    expect(seen).toEqual([...sids].reverse());
    expect(pages).toEqual([
      { page: 0, start: 0, end: 2 },
      { page: 1, start: 3, end: 5 },
      { page: 2, start: 6, end: 6 },
    ]);
  });

  it('previous_page_uri leads back to the same page', async () => {
    const p0 = await list('PageSize=3');
    const p1 = (await call(mock(), 'GET', p0.next_page_uri)).body;
    expect(p1.next_page_uri).toMatch(/PageToken=PA(SM|MM)[0-9a-f]{32}$/);
    const back = (await call(mock(), 'GET', p1.previous_page_uri)).body;
    expect(back.messages).toEqual(p0.messages);
  });

  it('filters by To and From and echoes filters into every page URI', async () => {
    const p = await list('To=%2B14155550100&From=%2B15005550006&PageSize=2');
    expect(p.messages.map((m: { body: string }) => m.body)).toEqual(['m6', 'm4']);
    expect(p.first_page_uri).toBe(`${MESSAGES}?To=%2B14155550100&From=%2B15005550006&PageSize=2&Page=0`);
    expect(p.next_page_uri).toMatch(
      new RegExp(
        `^${MESSAGES.replace(/[.]/g, '\\.')}\\?To=%2B14155550100&From=%2B15005550006&PageSize=2&Page=1&PageToken=PA`,
      ),
    );
    expect((await list('To=%2B19999999999')).messages).toEqual([]);
  });

  it('DateSent, DateSent< and DateSent> take a day or an ISO date-time (as the SDK sends)', async () => {
    const bodies = async (qs: string) => (await list(qs)).messages.map((m: { body: string }) => m.body);
    expect(await bodies('DateSent=2026-03-03')).toEqual(['m2']);
    expect(await bodies('DateSent%3C=2026-03-02')).toEqual(['m1', 'm0']);
    expect(await bodies('DateSent%3E=2026-03-06')).toEqual(['m6', 'm5']);
    expect(await bodies('DateSent%3E=2026-03-06T00%3A00%3A00Z&DateSent%3C=2026-03-06T23%3A00%3A00Z')).toEqual(
      ['m5'],
    );
    const p = await list('DateSent%3E=2026-03-02&PageSize=1');
    expect(p.first_page_uri).toContain('DateSent%3E=2026-03-02&PageSize=1');
  });

  it('PageSize over 1000 is capped; bad PageSize, DateSent and PageToken are 400s', async () => {
    expect((await list('PageSize=5000')).page_size).toBe(1000);
    const bad = await call(mock(), 'GET', `${MESSAGES}?PageSize=abc`);
    expect(bad.status).toBe(400);
    const date = await call(mock(), 'GET', `${MESSAGES}?DateSent=yesterday`);
    expect(date.status).toBe(400);
    const token = await call(mock(), 'GET', `${MESSAGES}?PageToken=PAbogus`);
    expect(token.body).toMatchObject({ code: 21481, message: 'Invalid PageToken', status: 400 });
  });

  it('a page token survives the deletion of the message it points at', async () => {
    const p0 = await list('PageSize=2');
    const lastOnPage = p0.messages[1].sid;
    expect((await call(mock(), 'DELETE', `${MESSAGES.replace('.json', '')}/${lastOnPage}.json`)).status).toBe(
      204,
    );
    const p1 = (await call(mock(), 'GET', p0.next_page_uri)).body;
    expect(p1.messages.map((m: { body: string }) => m.body)).toEqual(['m4', 'm3']);
  });
});
