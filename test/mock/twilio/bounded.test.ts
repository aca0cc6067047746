import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_MESSAGES } from '../../../src/mock/twilio/index.js';
import { MessageStore } from '../../../src/mock/twilio/store.js';
import type { AccountState, StoredMessage } from '../../../src/mock/twilio/state.js';
import { call, create, MESSAGES, messageUri, SMS, useMock } from './helpers.js';

const CAP = 25;
const LOG = 30;
const CREATES = 200;

describe('bounded memory: a message cap (oldest evicted first) and a ring-buffer request log', () => {
  const notices: string[] = [];
  const mock = useMock({ maxMessages: CAP, maxLoggedRequests: LOG, notice: (l) => notices.push(l) });
  const sids: string[] = [];

  it(`${CREATES} creates keep the newest ${CAP} messages and the last ${LOG} requests`, async () => {
    for (let i = 0; i < CREATES; i++) sids.push((await create(mock(), { ...SMS, Body: `m${i}` })).body.sid);
    await mock().settle();
    expect(mock().stats()).toEqual({
      messages: CAP,
      maxMessages: CAP,
      evictedMessages: CREATES - CAP,
      loggedRequests: LOG,
      maxLoggedRequests: LOG,
      droppedRequests: CREATES - LOG,
    });
    expect(
      mock()
        .messages()
        .map((m) => m.body),
    ).toEqual(Array.from({ length: CAP }, (_, i) => `m${CREATES - CAP + i}`));
    const requests = mock().requests();
    expect(requests).toHaveLength(LOG);
    expect(requests.map((r) => r.form?.Body)).toEqual(
      Array.from({ length: LOG }, (_, i) => `m${CREATES - LOG + i}`),
    );
    const health = (await (await fetch(`${mock().url}/__mock/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ messages: CAP, evictedMessages: CREATES - CAP, loggedRequests: LOG });
  });

  it('the eviction is said once for the burst, not once per message', () => {
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/message cap reached \(25 messages\): evicting the oldest/);
  });

  it('an evicted message is gone as on Twilio: fetch, update and delete are 404 / 20404', async () => {
    const evicted = sids[0]!;
    const fetched = await call(mock(), 'GET', messageUri(evicted));
    expect(fetched.status).toBe(404);
    expect(fetched.body).toEqual({
      code: 20404,
      message: `The requested resource ${messageUri(evicted)} was not found`,
      more_info: 'https://www.twilio.com/docs/errors/20404',
      status: 404,
    });
    expect((await call(mock(), 'POST', messageUri(evicted), { Body: '' })).body.code).toBe(20404);
    expect((await call(mock(), 'DELETE', messageUri(evicted))).body.code).toBe(20404);
    expect((await call(mock(), 'GET', messageUri(sids.at(-1)!))).status).toBe(200);
  });

  it('lists show only what is kept; a page token naming an evicted message pages past it (empty)', async () => {
    const page = (await call(mock(), 'GET', `${MESSAGES}?PageSize=1000`)).body;
    expect(page.messages).toHaveLength(CAP);
    expect(page.next_page_uri).toBeNull();
    const lastEvicted = sids[CREATES - CAP - 1]!;
    const after = (await call(mock(), 'GET', `${MESSAGES}?PageSize=10&Page=1&PageToken=PA${lastEvicted}`))
      .body;
    expect(after.messages).toEqual([]);
    expect(after.next_page_uri).toBeNull();
    const before = (await call(mock(), 'GET', `${MESSAGES}?PageSize=10&Page=1&PageToken=PB${lastEvicted}`))
      .body;
    // The page before it: the 10 messages just newer than it, i.e. the oldest ones kept (newest first).
    const oldestKept = sids.slice(CREATES - CAP, CREATES - CAP + 10).reverse();
    expect(before.messages.map((m: { sid: string }) => m.sid)).toEqual(oldestKept);
    // Tombstones are capped like messages: a token older than all of them is refused as Twilio refuses a bad one.
    const stale = await call(mock(), 'GET', `${MESSAGES}?PageToken=PA${sids[0]}`);
    expect(stale.body).toMatchObject({ code: 21481, status: 400 });
  });

  it('the default cap is 10,000 messages', () => expect(DEFAULT_MAX_MESSAGES).toBe(10_000));
});

describe('MessageStore', () => {
  const account = () => ({ messages: new Map(), removed: new Map() }) as unknown as AccountState;
  const message = (a: AccountState, seq: number) =>
    ({ seq, account: a, resource: { sid: `SM${seq}` } }) as unknown as StoredMessage;

  it('evicts across accounts oldest first, skips deleted ones, and caps tombstones', () => {
    const store = new MessageStore(3);
    const [a, b] = [account(), account()];
    for (let i = 1; i <= 4; i++) store.add(i % 2 ? a : b, message(i % 2 ? a : b, i));
    expect([...a.messages.keys(), ...b.messages.keys()].sort()).toEqual(['SM2', 'SM3', 'SM4']);
    store.remove(b, b.messages.get('SM2')!);
    store.add(a, message(a, 5));
    store.add(a, message(a, 6));
    expect([...a.messages.keys(), ...b.messages.keys()].sort()).toEqual(['SM4', 'SM5', 'SM6']);
    expect(store.evicted).toBe(2); // SM1 and SM3; SM2 was deleted, not evicted
    expect(store.seqOf(a, 'SM1')).toBe(1); // tombstone
    for (let i = 7; i <= 12; i++) store.add(a, message(a, i));
    expect(store.seqOf(a, 'SM1')).toBeUndefined(); // tombstones are capped too
    expect(a.removed.size + b.removed.size).toBe(3);
  });

  it('says the eviction once per burst; a later burst is said again', async () => {
    const lines: string[] = [];
    const store = new MessageStore(2, (l) => lines.push(l), 30);
    const a = account();
    for (let i = 1; i <= 50; i++) store.add(a, message(a, i));
    expect(lines).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 60));
    for (let i = 51; i <= 60; i++) store.add(a, message(a, i));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('(49 evicted so far)'); // 48 in the first burst, and this one
  });

  it('compacts its queue: many create/delete cycles below the cap do not grow it', () => {
    const store = new MessageStore(10);
    const a = account();
    for (let i = 1; i <= 50_000; i++) {
      const m = message(a, i);
      store.add(a, m);
      store.remove(a, m);
    }
    expect(store.size).toBe(0);
    expect((store as unknown as { order: unknown[] }).order.length).toBeLessThan(2100);
  });
});
