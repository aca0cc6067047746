import * as crypto from 'node:crypto';

/**
 * Deterministic ids. Real exports use random nanoid-style ids for cards, IO fields and ordering keys
 * (reference §1.4: `^[A-Za-z0-9_-]{6,14}$`, 9–12 chars typical) and lower-case UUIDv4 for flos and groups
 * (§1.2). We derive every id from a hash of a descriptive path instead, so the same spec always gives
 * byte-identical output. A collision (unlikely: 60 bits for the usual 10 chars) is resolved by re-hashing with a
 * counter, which stays deterministic because ids are always requested in the same order.
 */
export class IdFactory {
  private readonly used = new Set<string>();

  /** @param root the factory whose uuids this one shares (short ids are unique per factory, uuids globally). */
  constructor(private readonly root?: IdFactory) {}

  /**
   * A factory for one top-level flo (with its inline flos): short ids only need to be unique within a flo
   * (reference §1.11), and a small per-flo set stays fast for very large connectors.
   */
  scope(): IdFactory {
    return new IdFactory(this.root ?? this);
  }

  /** A short id (default 10 chars, at most 15) for a card, IO field, ordering key or Compose placeholder. */
  short(path: string, length = 10): string {
    if (!(length >= 1 && length <= SHORT_MAX))
      throw new RangeError(`short id length ${length} is not 1..${SHORT_MAX}`);
    // The common case without a closure: a build asks for some 140,000 short ids.
    const id = shortHash(path, length);
    if (!this.used.has(id)) {
      this.used.add(id);
      return id;
    }
    return this.unique(path, (p) => shortHash(p, length));
  }

  /** A lower-case UUIDv4-shaped id for a flo, group or config. */
  uuid(path: string): string {
    if (this.root) return this.root.uuid(path);
    return this.unique(path, (p) => {
      const hex = sha256Hex(p);
      const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    });
  }

  private unique(path: string, make: (p: string) => string): string {
    let id = make(path);
    for (let n = 1; this.used.has(id); n++) id = make(`${path}#${n}`);
    this.used.add(id);
    return id;
  }
}

type OneShot = (algorithm: string, data: string, encoding: 'hex') => string;
/** `crypto.hash` (Node >= 20.12) is a one-shot sha256, about twice as fast as createHash for short input. */
const oneShot = (crypto as unknown as { hash?: OneShot }).hash;

function sha256Hex(text: string): string {
  return oneShot
    ? oneShot('sha256', text, 'hex')
    : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Three 32-bit words, 5 id chars (30 bits) from each. */
const SHORT_MAX = 15;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** base64url char codes by 6-bit value, for one String.fromCharCode call per id. */
const CODES = Uint16Array.from(ALPHABET, (c) => c.charCodeAt(0));

/**
 * The short id of `text`: `length` base64url chars from a 64-bit non-cryptographic hash of its UTF-16 code units.
 * Why not sha256: a build asks for ~140,000 of these and ids only need to be unique within a flo and well spread,
 * never secret; this takes about half the CPU of sha256 + base64url + slice on the builder's paths and allocates
 * only the id. Two 32-bit lanes with different multipliers and rotations (each step a bijection of the lane, so
 * paths that differ in one code unit never share the 64-bit hash), then murmur3's cross-lane mix and fmix32
 * finaliser. Only Math.imul and 32-bit integer ops: the same on every platform.
 */
function shortHash(text: string, length: number): string {
  let a = 0x2f693ab1;
  let b = 0x6c8e9cf5;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0xcc9e2d51);
    a = (a << 15) | (a >>> 17);
    b = Math.imul(b ^ c, 0x1b873593);
    b = (b << 13) | (b >>> 19);
  }
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

/**
 * An empty object for entries keyed by generated ids (a card's fields and pins, a flow's orderings). Every id is
 * new, so a plain `{}` makes V8 create a fresh hidden class on each insertion (~5x slower to fill, and the classes
 * stay on the heap); a prototype-less object starts in dictionary mode. Key order, JSON and spreading are the same.
 */
export function byId<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
