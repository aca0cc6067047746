import type { Flo, Flopack } from './types.js';

export interface SerializeOptions {
  /** Spaces per level. Default 0: compact JSON, as Okta's own exports are (and 2.6x smaller than 2-space). */
  indent?: number;
}

/**
 * The flopack as JSON text: compact like Okta's exports, trailing newline, keys in insertion order (the builder always
 * creates them in the order real exports use, so the same input gives the same bytes). `<`, `>`, `&` and the
 * JS line separators U+2028/U+2029 are written as \u escapes: the parsed text is unchanged, and the file stays
 * safe to embed in HTML (`</script>`) or JS.
 */
export function serializeFlopack(flopack: Flopack, options: SerializeOptions = {}): string {
  const json = JSON.stringify(flopack, null, options.indent ?? 0);
  return `${escape(json)}\n`;
}

/**
 * The same bytes as `serializeFlopack`, in pieces (one per flo and top-level section), so a large connector
 * can be written to a stream without holding the whole text in memory.
 */
export function* serializeFlopackChunks(flopack: Flopack, options: SerializeOptions = {}): Generator<string> {
  for (const piece of pieces(flopack, 0, 0, options.indent ?? 0)) yield textOf(piece);
  yield '\n';
}

/**
 * The compact serialization (`serializeFlopack` without indent) as UTF-8, written piece by piece into blocks as it is
 * made: no piece's string outlives the next one (held together they were another 36 MB of old-space strings on a
 * 1,000-action connector), and the text is never copied into one buffer (that held it twice). Returns the blocks'
 * filled parts, in order. `allocate` makes a block (SharedArrayBuffer-backed ones can be read by a worker thread).
 * With `floBytes`, a second file that holds the same flo objects (the test folder embeds the connector's flows)
 * copies their bytes instead of serializing them again: objects found in the map are reused, and every one
 * serialized here is added, as a view into its block.
 */
export function serializeFlopackBlocks(flopack: Flopack, options: BlockOptions = {}): Buffer[] {
  return writeBlocks(flopack, options);
}

/** Each flo object's bytes as written (a WeakMap does not keep the flos alive). */
export type FloBytes = Pick<WeakMap<object, Buffer>, 'get' | 'set'>;

export interface BlockOptions {
  floBytes?: FloBytes;
  allocate?: (size: number) => Buffer;
  blockSize?: number;
  /** Each block's filled part, as soon as nothing more is written into it (the last one at the end). */
  onBlock?: (block: Buffer) => void;
  /** False: `onBlock` takes each block away (to disk), and the result is empty, so that no block stays in memory. */
  keep?: boolean;
}

/**
 * A flopack's compact serialization written flo by flo, as the flos come (handoff-package/build.ts builds, checks
 * and documents each one, some on another thread): the envelope's text up to `data.flos`, then each flo, then the
 * rest. Same bytes as `serializeFlopackBlocks` of the envelope with those flos in `data.flos`.
 */
export class FlopackWriter {
  private readonly blocks: BlockSink;
  private readonly tail: Piece[] = [];
  private readonly floBytes: FloBytes | undefined;
  private flos = 0;

  constructor(envelope: Flopack, options: BlockOptions = {}) {
    this.blocks = new BlockSink(options);
    this.floBytes = options.floBytes;
    let head = true;
    const slotted = { ...envelope, data: { ...envelope.data, flos: FLOS_SLOT } };
    for (const piece of pieces(slotted, 0, 0, 0)) {
      if (piece === FLOS_SLOT) head = false;
      else if (head) this.blocks.put(textOf(piece));
      else this.tail.push(piece);
    }
  }

  /**
   * Writes the next flo of `data.flos`; returns its bytes as written (a view into a block), which `floBytes`
   * records. A flo found in `floBytes` is copied from there.
   */
  flo(id: string, flo: Flo): Buffer {
    this.key(id);
    const known = this.floBytes?.get(flo);
    if (known) return this.blocks.copy(known);
    const bytes = this.blocks.putJson(JSON.stringify(flo));
    this.floBytes?.set(flo, bytes);
    return bytes;
  }

  /** Writes the next flo from its bytes, as compactJson encoded them (a flow serialized on another thread). */
  floFromBytes(id: string, bytes: Buffer): Buffer {
    this.key(id);
    return this.blocks.copy(bytes);
  }

  /** Writes the rest of the envelope and the final newline; returns the blocks' filled parts, in order. */
  end(): Buffer[] {
    // No flos: `{}`, as JSON.stringify writes an empty object.
    this.blocks.put(this.flos === 0 ? '{}' : '}');
    for (const piece of this.tail) this.blocks.put(textOf(piece));
    this.blocks.put('\n');
    return this.blocks.end();
  }

  private key(id: string): void {
    this.blocks.put(escape(`${this.flos++ === 0 ? '{' : ','}${JSON.stringify(id)}:`));
  }
}

/** A value's compact JSON as the flopack holds it (`<`, `>`, `&`, U+2028/U+2029 escaped). */
export function compactJson(value: unknown): string {
  return escape(JSON.stringify(value));
}

/** Where `data.flos` goes in the envelope's pieces (FlopackWriter writes the flos there itself). */
const FLOS_SLOT = Symbol('data.flos');

function textOf(piece: Piece): string {
  if (typeof piece === 'string') return piece;
  if (typeof piece === 'symbol' || piece.text === undefined) throw new Error('serialize: not a text piece');
  return piece.text;
}

/** Blocks filled one after the other (serializeFlopackBlocks, FlopackWriter). */
class BlockSink {
  private readonly blocks: Buffer[] = [];
  private readonly allocate: (size: number) => Buffer;
  private readonly blockSize: number;
  private block: Buffer | undefined;
  private used = 0;

  constructor(private readonly options: BlockOptions) {
    this.allocate = options.allocate ?? ((size: number) => Buffer.allocUnsafe(size));
    this.blockSize = options.blockSize ?? 4 * 1024 * 1024;
  }

  /** Writes `text` as UTF-8; returns where it went. */
  put(text: string): Buffer {
    const size = Buffer.byteLength(text, 'utf8');
    const target = this.room(size);
    target.write(text, this.used, 'utf8');
    this.used += size;
    return target.subarray(this.used - size, this.used);
  }

  /**
   * Writes JSON text as the flopack holds it (compactJson's bytes) without another copy of the text: the unsafe
   * characters are found in the encoded bytes and their escapes written there. Escaping the string first made up
   * to three more copies of each flow's JSON (~250 MB of garbage at 1,000 actions). Returns where it went.
   */
  putJson(json: string): Buffer {
    let target: Buffer;
    let size: number;
    // Where the text surely fits (at most 3 UTF-8 bytes per UTF-16 unit), it is written at once: counting its bytes
    // first was a pass over each flow's JSON (~25 ms at 1,000 actions). Near a block's end it is counted first.
    if (this.block && this.block.length - this.used >= json.length * 3) {
      target = this.block;
      size = target.write(json, this.used, 'utf8');
    } else {
      size = Buffer.byteLength(json, 'utf8');
      target = this.room(size);
      target.write(json, this.used, 'utf8');
    }
    let start = this.used;
    const unsafe = unsafeBytes(target.subarray(start, start + size));
    if (unsafe.length === 0) {
      this.used += size;
      return target.subarray(start, this.used);
    }
    let extra = 0;
    for (const at of unsafe) extra += ESCAPE_GROWTH[target[start + at]!]!;
    if (start + size + extra > target.length) {
      // No room to grow in this block: the text moves to the next one.
      const written = Buffer.from(target.subarray(start, start + size));
      target = this.room(size + extra);
      start = this.used;
      written.copy(target, start);
    }
    // From the end backwards, each run of safe bytes moves right by the growth before it, then its escape is written.
    let from = start + size;
    let to = from + extra;
    for (let k = unsafe.length - 1; k >= 0; k--) {
      const at = start + unsafe[k]!;
      const lead = target[at]!;
      const after = at + (lead === 0xe2 ? 3 : 1);
      to -= from - after;
      target.copyWithin(to, after, from);
      const escape =
        lead === 0xe2 ? (target[at + 2] === 0xa8 ? '\\u2028' : '\\u2029') : ESCAPE_OF_BYTE[lead]!;
      to -= 6;
      target.write(escape, to, 'latin1');
      from = at;
    }
    this.used = start + size + extra;
    return target.subarray(start, this.used);
  }

  /** Copies `bytes`; returns where they went. */
  copy(bytes: Buffer): Buffer {
    const target = this.room(bytes.length);
    bytes.copy(target, this.used);
    this.used += bytes.length;
    return target.subarray(this.used - bytes.length, this.used);
  }

  end(): Buffer[] {
    if (this.block) this.done(this.block.subarray(0, this.used));
    this.block = undefined;
    return this.blocks;
  }

  private room(size: number): Buffer {
    if (this.block && this.used + size <= this.block.length) return this.block;
    if (this.block) this.done(this.block.subarray(0, this.used));
    this.block = this.allocate(Math.max(this.blockSize, size));
    this.used = 0;
    return this.block;
  }

  private done(filled: Buffer): void {
    if (this.options.keep !== false) this.blocks.push(filled);
    this.options.onBlock?.(filled);
  }
}

function writeBlocks(flopack: unknown, options: BlockOptions): Buffer[] {
  const { floBytes } = options;
  const blocks = new BlockSink(options);
  for (const piece of pieces(flopack, 0, 0, 0, floBytes)) {
    if (typeof piece === 'string') blocks.put(piece);
    else if (typeof piece === 'symbol') throw new Error('serialize: a slot outside FlopackWriter');
    else if (piece.bytes) blocks.copy(piece.bytes);
    else {
      const bytes = blocks.put(piece.text!);
      floBytes?.set(piece.leaf, bytes);
    }
  }
  blocks.put('\n');
  return blocks.end();
}

/** `serializeFlopackBlocks` as one buffer. */
export function serializeFlopackBuffer(flopack: Flopack, floBytes?: FloBytes): Buffer {
  // Small blocks: a one-block result is a view that keeps its whole block alive.
  const blocks = serializeFlopackBlocks(flopack, { floBytes, blockSize: 256 * 1024 });
  return blocks.length === 1 ? blocks[0]! : Buffer.concat(blocks);
}

/**
 * A piece of the text: punctuation and keys as strings; each object below `data.<section>` as a leaf of its own;
 * FLOS_SLOT where FlopackWriter writes the flos.
 */
type Piece = string | typeof FLOS_SLOT | { leaf: object; text?: string; bytes?: Buffer };

/** Objects down to `data.flos` are written key by key; everything below by JSON.stringify (re-indented). */
function* pieces(
  value: unknown,
  depth: number,
  level: number,
  indent: number,
  known?: Pick<FloBytes, 'get'>,
): Generator<Piece> {
  if (value === FLOS_SLOT) {
    yield FLOS_SLOT;
    return;
  }
  const entries =
    depth < 3 && value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function')
      : undefined;
  if (!entries || entries.length === 0) {
    const isObject = value !== null && typeof value === 'object';
    const bytes = isObject ? known?.get(value) : undefined;
    if (bytes) {
      yield { leaf: value as object, bytes };
      return;
    }
    const json = JSON.stringify(value, null, indent);
    const text = escape(indent && level ? json.replaceAll('\n', `\n${' '.repeat(level * indent)}`) : json);
    yield isObject ? { leaf: value, text } : text;
    return;
  }
  const inner = indent ? `\n${' '.repeat((level + 1) * indent)}` : '';
  const colon = indent ? ': ' : ':';
  let first = true;
  for (const [key, v] of entries) {
    yield escape(`${first ? '{' : ','}${inner}${JSON.stringify(key)}${colon}`);
    yield* pieces(v, depth + 1, level + 1, indent, known);
    first = false;
  }
  yield indent ? `\n${' '.repeat(level * indent)}}` : '}';
}

/** What each unsafe character's escape adds to its UTF-8 bytes, by its first byte (U+2028/9 start with 0xe2). */
const ESCAPE_GROWTH: Record<number, number> = { 0x3c: 5, 0x3e: 5, 0x26: 5, 0xe2: 3 };
const ESCAPE_OF_BYTE: Record<number, string> = { 0x3c: '\\u003c', 0x3e: '\\u003e', 0x26: '\\u0026' };

/**
 * The offsets in UTF-8 `bytes` of `<`, `>`, `&`, U+2028 and U+2029, in order: a native search per byte (`<`, `>`
 * and `&` never occur inside a multi-byte character; 0xe2 only ever starts one).
 */
function unsafeBytes(bytes: Buffer): number[] {
  const found: number[] = [];
  for (const byte of [0x3c, 0x3e, 0x26])
    for (let at = bytes.indexOf(byte); at !== -1; at = bytes.indexOf(byte, at + 1)) found.push(at);
  for (let at = bytes.indexOf(0xe2); at !== -1; at = bytes.indexOf(0xe2, at + 1))
    if (bytes[at + 1] === 0x80 && (bytes[at + 2] === 0xa8 || bytes[at + 2] === 0xa9)) found.push(at);
  return found.sort((a, b) => a - b);
}

/**
 * `<`, `>`, `&`, U+2028 and U+2029 as \u escapes, in one copy of the text (a replaceAll per character was faster
 * on its own but made up to three copies; the flow loop escapes in the encoded bytes instead, BlockSink.putJson).
 */
function escape(text: string): string {
  return UNSAFE_TEST.test(text) ? text.replace(UNSAFE, escapeChar) : text;
}

const UNSAFE = /[<>&\u2028\u2029]/g;
const UNSAFE_TEST = /[<>&\u2028\u2029]/;

function escapeChar(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
