import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * One full garbage collection, as `gc()` does in a process started with `--expose-gc`, in a process that was not:
 * the flag is on only while one new context is made, whose `gc` is called (jest-leak-detector does the same).
 * The flag decides only whether new contexts get a `gc` function, so turning it on and off again changes nothing
 * else. For a process that is the caller's own to tune (the CLI's build), never for a library caller's heap.
 */
export function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed();
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
