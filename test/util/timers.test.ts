import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, timerDelay } from '../../src/util/timers.js';

describe('timerDelay (issue 18 #6)', () => {
  it('keeps delays in the range Node timers honour', () => {
    expect(timerDelay(2 ** 31)).toBe(MAX_TIMER_MS);
    expect(timerDelay(2e9 * 10)).toBe(MAX_TIMER_MS);
    expect(timerDelay(Infinity)).toBe(MAX_TIMER_MS);
    expect(timerDelay(-5)).toBe(0);
    expect(timerDelay(NaN)).toBe(0);
    expect(timerDelay(1500)).toBe(1500);
  });

  it('a timer above 2^31 ms neither warns nor fires early', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    let fired = false;
    const timer = setTimeout(() => (fired = true), timerDelay(2 ** 32));
    await new Promise((r) => setTimeout(r, 20));
    clearTimeout(timer);
    process.off('warning', onWarning);
    expect(fired).toBe(false);
    expect(warnings).not.toContain('TimeoutOverflowWarning');
  });
});
