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
  return `${UNSAFE_TEST.test(json) ? json.replace(UNSAFE, escapeChar) : json}\n`;
}

/**
 * The same bytes as `serializeFlopack`, in pieces (one per flo and top-level section), so a large connector
 * can be written to a stream without holding the whole text in memory.
 */
export function* serializeFlopackChunks(flopack: Flopack, options: SerializeOptions = {}): Generator<string> {
  for (const piece of pieces(flopack, 0, 0, options.indent ?? 0))
    yield typeof piece === 'string' ? piece : piece.text!;
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
}

/**
 * `serializeFlopackBlocks` of `envelope` with `flos` as its `data.flos`, pulled one at a time: each flo is serialized
 * before the next is asked for, so a generator of flos can build one, yield it, and let it go once the serializer
 * asks for the next (handoff-package/build.ts checks and documents it there). Same bytes as the whole flopack.
 */
export function serializeFlopackFlowByFlow(
  envelope: Flopack,
  flos: Iterable<readonly [string, Flo]>,
  options: BlockOptions = {},
): Buffer[] {
  return writeBlocks({ ...envelope, data: { ...envelope.data, flos: new PulledEntries(flos) } }, options);
}

/** An object's entries produced on demand (`data.flos` of serializeFlopackFlowByFlow). */
class PulledEntries {
  constructor(readonly entries: Iterable<readonly [string, unknown]>) {}
}

function writeBlocks(flopack: unknown, options: BlockOptions): Buffer[] {
  const {
    floBytes,
    allocate = (size: number) => Buffer.allocUnsafe(size),
    blockSize = 4 * 1024 * 1024,
  } = options;
  const blocks: Buffer[] = [];
  const done = (filled: Buffer) => {
    blocks.push(filled);
    options.onBlock?.(filled);
  };
  let block: Buffer | undefined;
  let used = 0;
  const room = (size: number): Buffer => {
    if (block && used + size <= block.length) return block;
    if (block) done(block.subarray(0, used));
    block = allocate(Math.max(blockSize, size));
    used = 0;
    return block;
  };
  const put = (text: string): Buffer => {
    const size = Buffer.byteLength(text, 'utf8');
    const target = room(size);
    target.write(text, used, 'utf8');
    used += size;
    return target.subarray(used - size, used);
  };
  for (const piece of pieces(flopack, 0, 0, 0, floBytes)) {
    if (typeof piece === 'string') put(piece);
    else if (piece.bytes) {
      const target = room(piece.bytes.length);
      piece.bytes.copy(target, used);
      used += piece.bytes.length;
    } else {
      const bytes = put(piece.text!);
      floBytes?.set(piece.leaf, bytes);
    }
  }
  put('\n');
  if (block) done(block.subarray(0, used));
  return blocks;
}

/** `serializeFlopackBlocks` as one buffer. */
export function serializeFlopackBuffer(flopack: Flopack, floBytes?: FloBytes): Buffer {
  // Small blocks: a one-block result is a view that keeps its whole block alive.
  const blocks = serializeFlopackBlocks(flopack, { floBytes, blockSize: 256 * 1024 });
  return blocks.length === 1 ? blocks[0]! : Buffer.concat(blocks);
}

/** A piece of the text: punctuation and keys as strings; each object below `data.<section>` as a leaf of its own. */
type Piece = string | { leaf: object; text?: string; bytes?: Buffer };

/** Objects down to `data.flos` are written key by key; everything below by JSON.stringify (re-indented). */
function* pieces(
  value: unknown,
  depth: number,
  level: number,
  indent: number,
  known?: Pick<FloBytes, 'get'>,
): Generator<Piece> {
  const entries =
    value instanceof PulledEntries
      ? value.entries
      : depth < 3 && value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function')
        : undefined;
  if (!entries || (Array.isArray(entries) && entries.length === 0)) {
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
  // Pulled entries that turned out to be none: `{}`, as JSON.stringify writes an empty object.
  if (first) yield '{';
  yield indent && !first ? `\n${' '.repeat(level * indent)}}` : '}';
}

function escape(text: string): string {
  return UNSAFE_TEST.test(text) ? text.replace(UNSAFE, escapeChar) : text;
}

const UNSAFE = /[<>&\u2028\u2029]/g;
const UNSAFE_TEST = /[<>&\u2028\u2029]/;

function escapeChar(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
