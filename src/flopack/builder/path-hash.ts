/**
 * The hash behind short ids: 64 bits over a path's UTF-16 code units, kept as a running state so that paths sharing
 * a prefix (a card's path, then `in/`, `out/`, `card` for its ~10 ids) hash the prefix once and only their own tail.
 *
 * Why not sha256: a build asks for ~140,000 short ids and ids only need to be unique within a flo and well spread,
 * never secret. Two 32-bit lanes with different multipliers and rotations (each step a bijection of the lane, so
 * paths that differ in one code unit never share the 64-bit hash), then murmur3's cross-lane mix and fmix32
 * finaliser. Only Math.imul and 32-bit integer ops: the same on every platform.
 */

/** Three 32-bit words, 5 id chars (30 bits) from each. */
export const SHORT_MAX = 15;
export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** base64url char codes by 6-bit value, for one String.fromCharCode call per id. */
const CODES = Uint16Array.from(ALPHABET, (c) => c.charCodeAt(0));

/** The lanes after `absorb`: two numbers out of one call without allocating a pair for each of ~140,000 ids. */
let laneA = 0;
let laneB = 0;

/** Feeds `text` into the lanes `a`, `b`; the result is left in `laneA`, `laneB`. */
function absorb(a: number, b: number, text: string): void {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0xcc9e2d51);
    a = (a << 15) | (a >>> 17);
    b = Math.imul(b ^ c, 0x1b873593);
    b = (b << 13) | (b >>> 19);
  }
  laneA = a;
  laneB = b;
}

/** The hash state after `path`: ids of `path + tail` for any tail, hashing only the tail. Immutable. */
export class PathHash {
  /** The state before any text: `PathHash.EMPTY.shortId(path)` is the short id of `path`. */
  static readonly EMPTY = new PathHash('', 0x2f693ab1, 0x6c8e9cf5);

  private constructor(
    /** The text hashed so far (a collision is re-hashed from the whole path). */
    readonly path: string,
    private readonly a: number,
    private readonly b: number,
  ) {}

  static of(path: string): PathHash {
    return PathHash.EMPTY.then(path);
  }

  /** The state after `this.path + tail`. */
  then(tail: string): PathHash {
    absorb(this.a, this.b, tail);
    return new PathHash(this.path + tail, laneA, laneB);
  }

  /** The short id of `this.path + tail`: `length` (1..SHORT_MAX) base64url chars. */
  shortId(tail: string, length: number): string {
    absorb(this.a, this.b, tail);
    return finish(laneA, laneB, this.path.length + tail.length, length);
  }
}

/** The short id of `text`: `length` base64url chars of its 64-bit hash. */
export function shortHash(text: string, length: number): string {
  return PathHash.EMPTY.shortId(text, length);
}

/** Mixes the lanes and the text length `n` into `length` id chars. */
function finish(a: number, b: number, n: number, length: number): string {
  a ^= n;
  b ^= n;
  a = (a + b) | 0;
  b = (b + a) | 0;
  a = fmix32(a);
  b = fmix32(b);
  a = (a + b) | 0;
  b = (b + a) | 0;
  const id = String.fromCharCode(
    CODES[a & 63]!,
    CODES[(a >>> 6) & 63]!,
    CODES[(a >>> 12) & 63]!,
    CODES[(a >>> 18) & 63]!,
    CODES[(a >>> 24) & 63]!,
    CODES[b & 63]!,
    CODES[(b >>> 6) & 63]!,
    CODES[(b >>> 12) & 63]!,
    CODES[(b >>> 18) & 63]!,
    CODES[(b >>> 24) & 63]!,
  );
  if (length === 10) return id;
  if (length < 10) return id.slice(0, length);
  // Longer ids (group keys) take a third word from both lanes: no more than 64 bits, but well spread.
  const w = fmix32((a ^ Math.imul(b, 0x9e3779b1)) + 0x632be5ab);
  let long = id;
  for (let i = 0; i < length - 10; i++) long += ALPHABET[(w >>> (6 * i)) & 63];
  return long;
}

/** murmur3's 32-bit finaliser: every input bit flips each output bit with probability ~1/2. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
