import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/** How much lower than the main thread's priority (in niceness: 0 normal, 19 lowest) the other threads run. */
export const BACKGROUND_NICENESS_STEP = 10;

/**
 * Lowers the scheduling priority of every thread of this process but the main one, which must be the caller: V8's
 * compiler and garbage-collector helpers, libuv's thread pool and the worker threads. Linux only (it reads
 * /proc/self/task); elsewhere, or where the system refuses, it does nothing. Threads made later get the priority of
 * the thread that makes them.
 *
 * Why: on two cores a 1,000-action build's other threads kept its main thread waiting for a core 372 ms of 2.2 s,
 * and the main thread is the one the end of the build waits for. At a lower priority they run when it leaves a core
 * free: the build took ~6% less time (alternated runs), though its main thread spent ~4% more CPU (optimized code
 * came later).
 */
export function lowerOtherThreadsPriority(): void {
  // From a worker thread (a test runner's, say) "every other thread" would include the process's main one.
  if (!isMainThread) return;
  let threads: string[];
  let niceness: number;
  try {
    threads = readdirSync('/proc/self/task');
    niceness = Math.min(19, getPriority() + BACKGROUND_NICENESS_STEP);
  } catch {
    return;
  }
  for (const thread of threads) {
    // The main thread's id is the process's.
    if (Number(thread) === process.pid) continue;
    try {
      setPriority(Number(thread), niceness);
    } catch {
      // A thread that has ended since, or a system that does not allow it: it keeps its priority.
    }
  }
}
