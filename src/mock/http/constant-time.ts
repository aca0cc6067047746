import { timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented credential with the expected one in constant time (crypto.timingSafeEqual). Buffers of
 * different lengths cannot be compared that way, so the expected value is then compared with itself (the same
 * work) before refusing: only the length, which no comparison can hide, is left to learn.
 */
export function secretEquals(given: string | Uint8Array, expected: string | Uint8Array): boolean {
  const a = typeof given === 'string' ? Buffer.from(given, 'utf8') : given;
  const b = typeof expected === 'string' ? Buffer.from(expected, 'utf8') : expected;
  const sameLength = a.length === b.length;
  const equal = timingSafeEqual(sameLength ? a : b, b);
  return sameLength && equal;
}
