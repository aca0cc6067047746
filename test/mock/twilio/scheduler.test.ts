import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../../src/mock/twilio/scheduler.js';

describe('Scheduler: one timer per delay, jobs in order, settle() when nothing is owed', () => {
  it('runs jobs after their delay, in order, and settles once all (and chained ones) ran', async () => {
    const s = new Scheduler();
    const ran: string[] = [];
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) s.after(10, () => ran.push(`a${i}`));
    s.after(10, () => s.after(10, () => ran.push('chained')));
    s.after(3, () => ran.push('short'));
    await s.settle();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(19);
    expect(ran[0]).toBe('short');
    expect(ran.slice(1, 101)).toEqual(Array.from({ length: 100 }, (_, i) => `a${i}`));
    expect(ran.at(-1)).toBe('chained');
  });

  it('a job added while others run waits its full delay', async () => {
    const s = new Scheduler();
    let waited = 0;
    s.after(15, () => {
      const added = performance.now();
      s.after(15, () => (waited = performance.now() - added));
    });
    await s.settle();
    // Its own 15 ms from when it was added, not what was left of the first job's; Node's timers read a loop clock
    // that may lag performance.now() by up to a millisecond, so a timer can seem to fire ~1 ms early.
    expect(waited).toBeGreaterThanOrEqual(14);
  });

  it('cancelAll drops what is queued and releases settle(); tracked promises still count', async () => {
    const s = new Scheduler();
    let ran = 0;
    for (let i = 0; i < 5; i++) s.after(1_000, () => (ran += 1));
    let release!: () => void;
    s.track(new Promise<void>((r) => (release = r)));
    let settled = false;
    const settling = s.settle().then(() => (settled = true));
    s.cancelAll();
    await new Promise((r) => setTimeout(r, 5));
    expect(settled).toBe(false);
    release();
    await settling;
    expect(ran).toBe(0);
  });
});
