import type { FormFields } from './form.js';

/** One request as a mock saw it, safe to print: credentials are redacted before it is stored. */
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

/** An in-order request log with a cap, so a long load run cannot exhaust memory (oldest entries go first). */
export class RequestLog {
  private items: RecordedRequest[] = [];
  private dropped = 0;
  constructor(private readonly cap = 100_000) {}

  add(entry: RecordedRequest): void {
    this.items.push(entry);
    if (this.items.length > this.cap * 1.25) {
      const excess = this.items.length - this.cap;
      this.items.splice(0, excess);
      this.dropped += excess;
    }
  }
  list(): RecordedRequest[] {
    return this.items.slice(Math.max(0, this.items.length - this.cap));
  }
  /** How many old entries were discarded to respect the cap. */
  get droppedCount(): number {
    return this.dropped + Math.max(0, this.items.length - this.cap);
  }
  clear(): void {
    this.items = [];
    this.dropped = 0;
  }
}

export type { FormFields };
