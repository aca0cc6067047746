import * as crypto from 'node:crypto';
import { PathHash, SHORT_MAX, shortHash } from './path-hash.js';

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
    return this.shortAt(PathHash.EMPTY, path, length);
  }

  /**
   * `short(base.path + tail, length)`, hashing only the tail: a card's ids share its path, a flow's orderings
   * theirs, and rehashing those prefixes for each of ~140,000 ids was most of the hashing.
   */
  shortAt(base: PathHash, tail: string, length = 10): string {
    if (!(length >= 1 && length <= SHORT_MAX))
      throw new RangeError(`short id length ${length} is not 1..${SHORT_MAX}`);
    // The common case without a closure or the whole path string.
    const id = base.shortId(tail, length);
    if (!this.used.has(id)) {
      this.used.add(id);
      return id;
    }
    return this.unique(base.path + tail, (p) => shortHash(p, length));
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

/**
 * An empty object for entries keyed by generated ids (a card's fields and pins, a flow's orderings). Every id is
 * new, so a plain `{}` makes V8 create a fresh hidden class on each insertion (~5x slower to fill, and the classes
 * stay on the heap); a prototype-less object starts in dictionary mode. Key order, JSON and spreading are the same.
 */
export function byId<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
