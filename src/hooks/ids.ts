import { createHash, randomBytes } from 'node:crypto';

/**
 * Where hook ids (event ids, request ids, OTP codes, challenges) come from: random by default, or a pure function
 * of a seed so that `--seed` runs and tests produce the same bytes every time.
 */
export interface IdSource {
  /** `length` characters from `alphabet`. */
  chars(length: number, alphabet?: string): string;
  hex(length: number): string;
  digits(length: number): string;
  /** A lower-case UUIDv4. */
  uuid(): string;
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function createIdSource(seed?: string | number): IdSource {
  let counter = 0;
  const bytes = (n: number): Buffer => {
    if (seed === undefined) return randomBytes(n);
    const out: Buffer[] = [];
    let have = 0;
    while (have < n) {
      counter += 1;
      const block = createHash('sha256')
        .update(`${String(seed)}:${counter}`)
        .digest();
      out.push(block);
      have += block.length;
    }
    return Buffer.concat(out).subarray(0, n);
  };
  const chars = (length: number, alphabet = BASE62): string => {
    // Rejection-free mapping is biased only for alphabets not dividing 256; fine for ids.
    let s = '';
    for (const b of bytes(length)) s += alphabet[b % alphabet.length];
    return s;
  };
  return {
    chars,
    hex: (length) => chars(length, '0123456789abcdef'),
    digits: (length) => chars(length, '0123456789'),
    uuid: () => {
      const h = bytes(16);
      h[6] = (h[6]! & 0x0f) | 0x40;
      h[8] = (h[8]! & 0x3f) | 0x80;
      const x = h.toString('hex');
      return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
    },
  };
}
