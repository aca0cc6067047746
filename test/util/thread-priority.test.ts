import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKGROUND_NICENESS_STEP, lowerOtherThreadsPriority } from '../../src/util/thread-priority.js';

/** Each thread's niceness, by thread id, as Linux reports it (field 19 of /proc/self/task/<id>/stat). */
function nicenessByThread(): Map<number, number> {
  const result = new Map<number, number>();
  for (const thread of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
      // The fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      result.set(Number(thread), Number(fields[16]));
    } catch {
      // Ended while listed.
    }
  }
  return result;
}

describe.skipIf(process.platform !== 'linux')('lowerOtherThreadsPriority', () => {
  let worker: Worker;
  beforeAll(async () => {
    // A worker thread that stays alive until the end: a thread made before the call, like the build's workers.
    worker = new Worker('require("node:worker_threads").parentPort.on("message", () => {})', { eval: true });
    await new Promise((resolve) => worker.once('online', resolve));
  });
  afterAll(() => worker.terminate());

  it('lowers every other thread, the worker included, and leaves the main thread as it was', () => {
    const mainBefore = getPriority();
    lowerOtherThreadsPriority();
    const after = nicenessByThread();
    expect(after.get(process.pid)).toBe(mainBefore);
    const others = [...after].filter(([thread]) => thread !== process.pid);
    // V8's helper threads, libuv's pool and the worker: always more than one.
    expect(others.length).toBeGreaterThan(1);
    const expected = Math.min(19, mainBefore + BACKGROUND_NICENESS_STEP);
    expect(others.filter(([, niceness]) => niceness !== expected)).toEqual([]);
  });

  it('asked again, stays where it is relative to the main thread (it does not keep lowering)', () => {
    lowerOtherThreadsPriority();
    const expected = Math.min(19, getPriority() + BACKGROUND_NICENESS_STEP);
    const others = [...nicenessByThread()].filter(([thread]) => thread !== process.pid);
    expect(others.filter(([, niceness]) => niceness !== expected)).toEqual([]);
  });
});
