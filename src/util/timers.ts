/** The longest delay Node's timers take: above it Node warns (TimeoutOverflowWarning) and fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay any timer accepts: NaN or negative becomes 0, anything above MAX_TIMER_MS becomes MAX_TIMER_MS. */
export function timerDelay(ms: number): number {
  if (Number.isNaN(ms) || ms <= 0) return 0;
  return Math.min(ms, MAX_TIMER_MS);
}

/** Waits `ms` of real time (clamped to what a timer accepts). */
export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, timerDelay(ms)));
}
