import { timerDelay } from '../../util/timers.js';
/** Jobs due after the same delay, in the order they were added (so also in the order they fall due). */
interface DelayQueue {
  ms: number;
  due: number[];
  /** Emptied as they run, so a finished job's closure can be collected at once. */
  jobs: Array<(() => void) | undefined>;
  head: number;
  timer: NodeJS.Timeout | undefined;
  /** While its jobs run, jobs they add wait for the re-arm at the end of the run. */
  running: boolean;
}

/**
 * Timers and in-flight work the mock owes: lifecycle steps and status callbacks. `settle()` resolves once
 * nothing is pending, which lets tests wait for "delivered" without sleeping.
 *
 * Every lifecycle step waits the same delay, so jobs are kept in one first-in-first-out queue per delay with a
 * single timer for its head, not one timer per message step: under load that is one timer, not thousands.
 */
export class Scheduler {
  private queues = new Map<number, DelayQueue>();
  private pending = 0;
  private waiters: Array<() => void> = [];

  /** Runs `fn` after `ms`; counted by settle(). */
  after(ms: number, fn: () => void): void {
    this.pending += 1;
    let q = this.queues.get(ms);
    if (!q) {
      q = { ms, due: [], jobs: [], head: 0, timer: undefined, running: false };
      this.queues.set(ms, q);
    }
    q.due.push(performance.now() + ms);
    q.jobs.push(fn);
    if (!q.timer && !q.running) this.arm(q, ms);
  }

  /** Counts a promise (e.g. a status callback POST) until it settles. */
  track(p: Promise<unknown>): void {
    this.pending += 1;
    p.then(
      () => this.done(1),
      () => this.done(1),
    );
  }

  settle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops every job not yet run (reset / close); tracked promises still finish on their own. */
  cancelAll(): void {
    let dropped = 0;
    for (const q of this.queues.values()) {
      if (q.timer) clearTimeout(q.timer);
      dropped += q.jobs.length - q.head;
    }
    this.queues.clear();
    this.done(dropped);
  }

  private arm(q: DelayQueue, delay: number): void {
    q.timer = setTimeout(() => this.run(q), timerDelay(delay));
  }

  /** Runs every job that is due (timers fire in whole milliseconds: 1 ms of slack), then re-arms. */
  private run(q: DelayQueue): void {
    q.timer = undefined;
    q.running = true;
    const now = performance.now() + 1;
    let ran = 0;
    let failure: unknown;
    // Stops early if cancelAll() ran inside a job (the queue is then no longer this scheduler's).
    while (q.head < q.jobs.length && q.due[q.head]! <= now && this.queues.get(q.ms) === q) {
      const job = q.jobs[q.head]!;
      q.jobs[q.head] = undefined;
      q.head += 1;
      ran += 1;
      try {
        job();
      } catch (error) {
        failure ??= error;
      }
    }
    q.running = false;
    if (this.queues.get(q.ms) === q) {
      if (q.head === q.jobs.length) {
        q.due = [];
        q.jobs = [];
        q.head = 0;
      } else {
        if (q.head > 1024 && q.head > q.jobs.length / 2) {
          q.due = q.due.slice(q.head);
          q.jobs = q.jobs.slice(q.head);
          q.head = 0;
        }
        this.arm(q, q.due[q.head]! - performance.now());
      }
    }
    this.done(ran);
    if (failure !== undefined) throw failure;
  }

  private done(count: number): void {
    if (count === 0) return;
    this.pending -= count;
    if (this.pending !== 0 || this.waiters.length === 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
