import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * One full garbage collection, as `gc()` does in a process started with `--expose-gc`, in a process that was not:
 * the flag is on only while one new context is made, whose `gc` is called (jest-leak-detector does the same).
 * The flag decides only whether new contexts get a `gc` function, so turning it on and off again changes nothing
 * else. For a process that is the caller's own to tune (the CLI's build), never for a library caller's heap. Never
 * throws: where the runtime refuses, nothing happens (returns false), and the caller goes on as it would have.
 */
export function collectGarbage(): boolean {
  const exposed = (globalThis as { gc?: () => void }).gc;
  try {
    if (typeof exposed === 'function') {
      exposed();
      return true;
    }
    setFlagsFromString('--expose-gc');
    try {
      (runInNewContext('gc') as () => void)();
      return true;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  } catch {
    return false;
  }
}
