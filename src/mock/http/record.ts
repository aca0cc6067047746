import type { FormFields } from './form.js';

/** One request as a mock saw it, safe to print: credentials are redacted (see Redactor). */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  form?: Record<string, string | string[]>;
  /** Lower-case names; `authorization` shown as `Basic <redacted:SKxxx...>` (username only). */
  headers: Record<string, string>;
  /** The status answered; 0 when no answer was sent (the client hung up, or a `timeout` fault). */
  status: number;
  /** The Basic-auth username (an AC or SK SID), when one was sent. */
  authUser?: string;
}

/** Default number of requests a mock remembers. */
export const DEFAULT_REQUEST_LOG_SIZE = 10_000;

/**
 * An in-order request log in a ring buffer: once `cap` entries are held, each new one replaces the oldest, so a
 * long load run holds at most `cap` entries. A cap of 0 keeps nothing.
 */
export class RequestLog<T = RecordedRequest> {
  private ring: T[] = [];
  /** Where the next entry goes once the ring is full (the oldest entry's slot). */
  private next = 0;
  private dropped = 0;
  readonly cap: number;

  constructor(cap = DEFAULT_REQUEST_LOG_SIZE) {
    if (!Number.isInteger(cap) || cap < 0)
      throw new RangeError(`request log size must be a whole number ≥ 0`);
    this.cap = cap;
  }

  add(entry: T): void {
    if (this.ring.length < this.cap) {
      this.ring.push(entry);
      return;
    }
    this.dropped += 1;
    if (this.cap === 0) return;
    this.ring[this.next] = entry;
    this.next = this.next + 1 === this.cap ? 0 : this.next + 1;
  }

  /** Oldest first. */
  list(): T[] {
    return this.next === 0
      ? this.ring.slice()
      : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
  }

  get length(): number {
    return this.ring.length;
  }

  /** How many old entries were discarded to respect the cap. */
  get droppedCount(): number {
    return this.dropped;
  }

  clear(): void {
    this.ring = [];
    this.next = 0;
    this.dropped = 0;
  }
}

export type { FormFields };
