import type { AccountState, StoredMessage } from './state.js';

/** Default cap on stored messages (≈3 KB each): a long load run stays around 30 MB. */
export const DEFAULT_MAX_MESSAGES = 10_000;
/** Evictions closer together than this belong to one burst, which the log mentions once. */
const DEFAULT_BURST_GAP_MS = 1_000;

/**
 * Every account's messages under one cap. Past the cap the oldest message (of any account) is evicted: it is
 * gone as if deleted, so a fetch, update or delete of its SID is 404 / 20404 and lists no longer show it.
 * Removed (deleted or evicted) messages leave a tombstone, their creation sequence, so a page token naming one
 * still pages from where it was; the tombstones are capped too, and a token older than all of them is 21481.
 */
export class MessageStore {
  /** Every message added, oldest first; removed ones are skipped (and compacted away). */
  private order: Array<StoredMessage | undefined> = [];
  private head = 0;
  /** Removed messages still in `order`. */
  private stale = 0;
  private live = 0;
  private evictedTotal = 0;
  private lastEvictionAt = -Infinity;
  /** Tombstones in a ring: the slot `tombNext` holds the oldest once full. */
  private tombSids: string[] = [];
  private tombAccounts: AccountState[] = [];
  private tombNext = 0;

  constructor(
    readonly max: number,
    /** Told once per eviction burst, not once per message. */
    private readonly notice?: (line: string) => void,
    private readonly burstGapMs = DEFAULT_BURST_GAP_MS,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('the message cap must be a whole number ≥ 1');
  }

  get size(): number {
    return this.live;
  }

  get evicted(): number {
    return this.evictedTotal;
  }

  add(account: AccountState, msg: StoredMessage): void {
    account.messages.set(msg.resource.sid, msg);
    this.order.push(msg);
    this.live += 1;
    if (this.live > this.max) this.evictOldest();
  }

  /** Deletes (or evicts) a message: it leaves its account and its lifecycle stops. */
  remove(account: AccountState, msg: StoredMessage): void {
    if (msg.removed) return;
    this.detach(account, msg);
    this.stale += 1;
    this.compact();
  }

  /** The creation sequence of a message of this account, live or removed (while its tombstone lasts). */
  seqOf(account: AccountState, sid: string): number | undefined {
    return account.messages.get(sid)?.seq ?? account.removed.get(sid);
  }

  clear(accounts: Iterable<AccountState>): void {
    for (const m of this.order) {
      if (!m) continue;
      m.removed = true;
      if (m.timer) clearTimeout(m.timer);
    }
    for (const a of accounts) {
      a.messages.clear();
      a.removed.clear();
    }
    this.order = [];
    this.head = this.stale = this.live = this.tombNext = this.evictedTotal = 0;
    this.lastEvictionAt = -Infinity;
    this.tombSids = [];
    this.tombAccounts = [];
  }

  private evictOldest(): void {
    while (this.live > this.max && this.head < this.order.length) {
      const oldest = this.order[this.head]!;
      this.order[this.head] = undefined;
      this.head += 1;
      if (oldest.removed) {
        this.stale -= 1;
        continue;
      }
      this.detach(oldest.account, oldest);
      this.evictedTotal += 1;
      this.announce();
    }
    this.compact();
  }

  private detach(account: AccountState, msg: StoredMessage): void {
    msg.removed = true;
    if (msg.timer) clearTimeout(msg.timer);
    account.messages.delete(msg.resource.sid);
    this.bury(account, msg);
    this.live -= 1;
  }

  private announce(): void {
    const now = performance.now();
    if (now - this.lastEvictionAt > this.burstGapMs)
      this.notice?.(
        `message cap reached (${this.max.toLocaleString('en-US')} messages): evicting the oldest; ` +
          `a fetch of an evicted SID answers 404 / 20404 (${this.evictedTotal.toLocaleString('en-US')} evicted so far)`,
      );
    this.lastEvictionAt = now;
  }

  private bury(account: AccountState, msg: StoredMessage): void {
    const sid = msg.resource.sid;
    account.removed.set(sid, msg.seq);
    if (this.tombSids.length < this.max) {
      this.tombSids.push(sid);
      this.tombAccounts.push(account);
      return;
    }
    this.tombAccounts[this.tombNext]!.removed.delete(this.tombSids[this.tombNext]!);
    this.tombSids[this.tombNext] = sid;
    this.tombAccounts[this.tombNext] = account;
    this.tombNext = (this.tombNext + 1) % this.max;
  }

  /** Drops evicted slots and removed messages from `order` once they are most of it (amortised O(1)). */
  private compact(): void {
    const waste = this.head + this.stale;
    if (waste < 1024 || waste < this.order.length / 2) return;
    this.order = this.order.slice(this.head).filter((m) => m && !m.removed);
    this.head = 0;
    this.stale = 0;
  }
}
