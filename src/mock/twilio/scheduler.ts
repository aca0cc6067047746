/**
 * Timers and in-flight work the mock owes: lifecycle steps and status callbacks. `settle()` resolves once
 * nothing is pending, which lets tests wait for "delivered" without sleeping.
 */
export class Scheduler {
  private timers = new Set<NodeJS.Timeout>();
  private pending = 0;
  private waiters: Array<() => void> = [];

  /** Runs `fn` after `ms`; counted by settle(). */
  after(ms: number, fn: () => void): void {
    this.pending += 1;
    const t = setTimeout(() => {
      this.timers.delete(t);
      try {
        fn();
      } finally {
        this.done();
      }
    }, ms);
    this.timers.add(t);
  }

  /** Counts a promise (e.g. a status callback POST) until it settles. */
  track(p: Promise<unknown>): void {
    this.pending += 1;
    p.then(
      () => this.done(),
      () => this.done(),
    );
  }

  settle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops every timer not yet fired (reset / close); tracked promises still finish on their own. */
  cancelAll(): void {
    for (const t of this.timers) clearTimeout(t);
    this.pending -= this.timers.size;
    this.timers.clear();
    this.wake();
  }

  private done(): void {
    this.pending -= 1;
    this.wake();
  }

  private wake(): void {
    if (this.pending !== 0 || this.waiters.length === 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
