import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createDeflateRaw, crc32, deflateRaw, deflateRawSync } from 'node:zlib';
import { UserError } from '../errors.js';
import { byteLength, compareStrings, contentParts, contentRuns } from './manifest.js';
import { isWritten, type Artifact, type InMemory } from './types.js';

// Level 3: a 1,000-action flopack (~90 MB of JSON) deflates 3x faster than at 6 for a zip ~25% larger.
export const ZLIB_LEVEL = 3;
/** 1980-01-01 00:00, the DOS epoch, as DOS date and time fields: every entry has it, whatever the time zone. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** Regular file, rw-r--r--, in the high half of the external attributes with "made by" Unix (3). */
const UNIX_MODE = 0o100644;
const MADE_BY_UNIX = (3 << 8) | 20;
const VERSION_NEEDED = 20;
const UTF8_NAMES = 1 << 11;
const DEFLATE = 8;
const MAX_32 = 0xffffffff;

const deflateRawAsync = promisify(deflateRaw);

/** Smaller entries deflate at once: each zlib stream holds ~300 KB, too much to keep a thousand of them open. */
const ON_THREAD_POOL = 256 * 1024;

/**
 * One entry's compressed data. Large entries deflate on libuv's thread pool: started as soon as a file's bytes
 * exist, their compression overlaps the rest of the build (same zlib, same level, same bytes either way).
 */
export function deflateEntry(content: InMemory): Promise<Buffer> {
  const parts = contentParts(content);
  if (parts.every((p) => p.buffer instanceof SharedArrayBuffer) && byteLength(parts) >= IN_WORKER)
    return deflateInWorker(parts);
  // One job on the thread pool: with an output buffer that holds the result, zlib runs to the end without coming
  // back to this thread, which is busy (lint, the build sheet) and would otherwise feed it 16 KB at a time.
  if (parts.length === 1 && parts[0]!.length >= ON_THREAD_POOL)
    return deflateRawAsync(parts[0]!, { level: ZLIB_LEVEL, chunkSize: outputChunk(parts[0]!.length) });
  if (byteLength(parts) < ON_THREAD_POOL)
    return Promise.resolve(deflateRawSync(Buffer.concat(parts), { level: ZLIB_LEVEL }));
  return deflateRuns(parts);
}

/** A sixth of the input (JSON deflates 5-10x), within zlib's limits: one output buffer for most entries. */
function outputChunk(size: number): number {
  return Math.min(Math.max(Math.ceil(size / 6), 64 * 1024), 64 * 1024 * 1024);
}

/** Shared content this large deflates on a worker thread (starting one costs a few milliseconds). */
const IN_WORKER = 4 * 1024 * 1024;

// CommonJS run by `new Worker(..., { eval: true })`: the blocks are views of SharedArrayBuffers, read in place.
const DEFLATE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createDeflateRaw } = require('node:zlib');
const stream = createDeflateRaw({ level: workerData.level, chunkSize: workerData.chunkSize });
const out = [];
stream.on('data', (chunk) => out.push(chunk));
stream.on('error', (error) => { throw error; });
stream.on('end', () => parentPort.postMessage(Buffer.concat(out)));
for (const b of workerData.blocks) stream.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
stream.end();
`;

/**
 * Blocks in shared memory (serializeFlopackBlocks) deflated as one stream on a worker thread: the thread pool's
 * zlib jobs come back to this thread between 16 KB pieces, and this thread is busy (lint, the build sheet) for
 * seconds at a time on large connectors, so they stalled; the worker's own event loop is never busy.
 */
function deflateInWorker(blocks: readonly Buffer[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(DEFLATE_WORKER, {
      eval: true,
      workerData: {
        blocks: blocks.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)),
        level: ZLIB_LEVEL,
        chunkSize: outputChunk(byteLength(blocks)),
      },
    });
    worker.once('message', (data: Uint8Array) => {
      resolve(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the compression worker stopped (exit code ${code})`)));
  });
}

/**
 * Pieces deflated as one stream, never joined: zlib writes the same bytes however its input is split (no flush
 * until the end), so this equals deflating the joined buffer (test/handoff-package/zip.test.ts checks it).
 */
function deflateRuns(parts: readonly Buffer[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const stream = createDeflateRaw({ level: ZLIB_LEVEL });
    const out: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => out.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(out)));
    for (const run of contentRuns(parts)) stream.write(run);
    stream.end();
  });
}

/** The file's content, which must be in memory. */
export function inMemory(file: Artifact): InMemory {
  if (isWritten(file.content))
    throw new Error(`${file.path} was written while it was made: deflate it as it is written`);
  return file.content;
}

/** CRC-32 of the content, piece by piece. */
function crcOf(parts: readonly Buffer[]): number {
  let crc = 0;
  for (const part of parts) crc = crc32(part, crc);
  return crc;
}

/**
 * A reproducible zip of `files` under the folder `root/` (PKWARE APPNOTE 6.3 §4.3): entries in path order, each
 * deflated once with Node's zlib and checksummed with `zlib.crc32` (sizes known up front, so no data descriptors
 * and no second pass), dated 1980-01-01 00:00, mode 644, UTF-8 names. No zip64: a package over 4 GiB is refused.
 * A zip writer is this small on Node's zlib; the libraries weighed (archiver: ~75 files loaded per build; yazl:
 * +130 MB peak on a 1,000-action build) cost more than they save.
 */
export async function zipArtifacts(
  files: readonly Artifact[],
  root: string,
  deflated: ReadonlyMap<string, Promise<Buffer>> = new Map(),
): Promise<Buffer> {
  return Buffer.concat(await zipArtifactParts(files, root, deflated));
}

/** `zipArtifacts` in its pieces (headers and each entry's compressed data), not joined: written as they are. */
export async function zipArtifactParts(
  files: readonly Artifact[],
  root: string,
  deflated: ReadonlyMap<string, Promise<Buffer>> = new Map(),
): Promise<Buffer[]> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const sorted = [...files].sort((a, b) => compareStrings(a.path, b.path));
  const compressed = await Promise.all(sorted.map((f) => deflated.get(f.path) ?? deflateEntry(inMemory(f))));
  for (const [i, file] of sorted.entries()) {
    const size = byteLength(file.content);
    const name = Buffer.from(`${root}/${file.path}`, 'utf8');
    const data = compressed[i]!;
    // A file written while it was made was deflated and checksummed block by block as it went.
    const crc = isWritten(file.content) ? file.content.crc32 : crcOf(contentParts(file.content));
    if (size > MAX_32 || offset + data.length > MAX_32)
      throw new UserError('the package is too large to zip (over 4 GiB)');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(MADE_BY_UNIX, 4);
    local.copy(entry, 6, 4, 30); // version needed … name length: the same fields in the same order
    entry.writeUInt16LE(0, 30); // extra length
    entry.writeUInt16LE(0, 32); // comment length
    entry.writeUInt16LE(0, 34); // disk number
    entry.writeUInt16LE(0, 36); // internal attributes
    entry.writeUInt32LE((UNIX_MODE << 16) >>> 0, 38);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  if (central.length / 2 > 0xffff) throw new UserError('the package has too many files to zip (over 65,535)');
  const centralSize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return [...parts, ...central, end];
}
