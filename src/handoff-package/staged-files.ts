import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { makeFolders } from '../util/make-folders.js';
import type { WrittenContent } from './types.js';
import { removeEmptyFolders, type FileFacts } from './written-file.js';
import { ZLIB_LEVEL } from './zip.js';

/**
 * Package files written while the build goes on, into a hidden folder of the package folder, for writePackage to
 * move into place. On ext4 creating a small file costs ~15 times what renaming one does: a 1,000-action package's
 * ~1,000 docs pages took ~0.2 s to create once everything else was done. One worker thread writes them while the
 * build thread builds the next flows; the build thread only copies the bytes into shared memory (the thread pool's
 * file jobs each came back to it three times per file). The worker also takes each file's facts for the package
 * (size, SHA-256, CRC-32) and, for the zip, its deflated bytes: hashing and compressing ~25 MB of documents after the
 * last flow took ~0.2 s at 1,000 actions. A build that fails removes the folder, and the folders made for it.
 */
export class StagedFiles {
  private readonly worker: Worker;
  private readonly written: Promise<StagedResult[]>;
  private readonly slabs: SlabRing;
  private count = 0;
  private ended = false;
  /** Messages not yet sent: sent together, so that the worker wakes up less often. */
  private batch: StagingMessage[] = [];
  private batchBytes = 0;
  /** Batches sent; the worker counts those it has written in `done[0]`. */
  private sent = 0;

  private constructor(
    private readonly dir: string,
    /** The first folder made for this one (removed again when discarded, if empty), if any. */
    private readonly madeDir: string | undefined,
    deflate: boolean,
  ) {
    const done = new Int32Array(new SharedArrayBuffer(4));
    // A new slab is announced to the worker once, before the first piece in it: a piece then names its slab by
    // number (cloning a SharedArrayBuffer into every message cost the build thread ~60 ms at 1,000 actions).
    this.slabs = new SlabRing(done, (slab, buffer) => this.send({ slab, buffer }, 0));
    this.worker = new Worker(STAGING_WORKER, {
      eval: true,
      workerData: { dir, done, ...(deflate ? { level: ZLIB_LEVEL } : {}) },
    });
    // Until `end` the worker waits for files, and must not keep a failed build's process alive.
    this.worker.unref();
    this.written = new Promise((resolve, reject) => {
      this.worker.once('message', ({ facts, deflated }: WorkerAnswer) => {
        const zipped = Buffer.from(deflated.buffer, deflated.byteOffset, deflated.byteLength);
        resolve(facts.map((result, id) => this.result(id, result, zipped)));
        void this.worker.terminate();
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the staging worker stopped (exit code ${code})`)));
    });
    this.written.catch(() => undefined);
  }

  /**
   * A staging folder inside `packageDir` (made if need be). With `deflate`, each file's zip entry is made there
   * too, as it is written (zip.ts deflateEntry's bytes).
   */
  static in(packageDir: string, options: { deflate: boolean }): StagedFiles {
    const dir = join(packageDir, `.staged.${process.pid}.partial`);
    return new StagedFiles(dir, makeFolders(dir), options.deflate);
  }

  /** Writes `content` (in the background). */
  stage(content: Buffer): StagedFile {
    const id = this.count++;
    this.send({ stage: id, bytes: this.slabs.place(content, this.sent + 1) }, content.length);
    return { id, file: this.fileOf(id) };
  }

  /** A file written piece by piece as it is made (a build sheet, flow by flow), `end`ed after the last. */
  open(): StagedStream {
    const id = this.count++;
    this.send({ open: id }, 0);
    return {
      id,
      file: this.fileOf(id),
      write: (content) =>
        this.send({ append: id, bytes: this.slabs.place(content, this.sent + 1) }, content.length),
      end: () => this.send({ close: id }, 0),
    };
  }

  /** No more files: the worker writes what is left, then says so. */
  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.send({ end: true }, 0);
    this.flush();
    this.worker.ref();
  }

  /** Once every staged file is written: each as the package takes it, by its `id`. Throws the first failure. */
  async settled(): Promise<readonly StagedResult[]> {
    this.end();
    return this.written;
  }

  /** Stops the worker; removes the staging folder with what is in it, and the folders made for it now empty. */
  async discard(): Promise<void> {
    await this.worker.terminate();
    rmSync(this.dir, { recursive: true, force: true });
    if (this.madeDir && this.madeDir !== this.dir) removeEmptyFolders(dirname(this.dir), this.madeDir);
  }

  private fileOf(id: number): string {
    return join(this.dir, String(id));
  }

  private result(id: number, { deflated, ...facts }: WorkerFacts, zipped: Buffer): StagedResult {
    return {
      content: { temporary: this.fileOf(id), ...facts },
      ...(deflated ? { deflated: zipped.subarray(deflated[0], deflated[1]) } : {}),
    };
  }

  /**
   * Queues a message. Each message sent wakes the worker thread, and on a busy machine a woken thread can take
   * the build thread's core: a message per docs page cost more than writing the page.
   */
  private send(message: StagingMessage, bytes: number): void {
    this.batch.push(message);
    this.batchBytes += bytes;
    if (this.batchBytes >= BATCH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    this.worker.postMessage({ seq: ++this.sent, messages: this.batch });
    this.batch = [];
    this.batchBytes = 0;
  }
}

/** A file being staged: its number, and the temporary file it goes to. */
export interface StagedFile {
  readonly id: number;
  readonly file: string;
}

/** A staged file once written: its content as the package takes it (moved into place), and its zip entry. */
export interface StagedResult {
  content: WrittenContent;
  /** Its deflated bytes, when the staging was asked to deflate. */
  deflated?: Buffer;
}

/** What the worker answers: each file's facts, and where its zip entry lies in `deflated` (all of them, in order). */
interface WorkerAnswer {
  facts: Array<WorkerFacts>;
  deflated: Uint8Array;
}
type WorkerFacts = FileFacts & { deflated?: [start: number, end: number] };

/** Bytes of content per message to the worker. */
const BATCH_BYTES = 256 * 1024;

type StagingMessage =
  | { slab: number; buffer: SharedArrayBuffer }
  | { stage: number; bytes: SlabView }
  | { open: number }
  | { append: number; bytes: SlabView }
  | { close: number }
  | { end: true };

/** Where a piece of content lies in shared memory: in a numbered slab, or in a buffer of its own. */
type SlabView =
  | { slab: number; offset: number; length: number }
  | { buffer: SharedArrayBuffer; offset: number; length: number };

/**
 * Shared slabs the content is copied into for the worker, each written again once the worker has written every
 * batch that uses it: the staged bytes take a few slabs however large the package (moving each piece to the worker
 * instead left ~30 MB of moved buffers in its heap until its next garbage collection).
 */
class SlabRing {
  private readonly slabs: Array<{ index: number; bytes: Buffer; lastBatch: number }> = [];
  private current: { index: number; bytes: Buffer; lastBatch: number } | undefined;
  private used = 0;

  /**
   * @param done `done[0]`: how many batches the worker has written.
   * @param announce Called with each new slab, before the first piece placed in it.
   */
  constructor(
    private readonly done: Int32Array,
    private readonly announce: (slab: number, buffer: SharedArrayBuffer) => void,
  ) {}

  /** Copies `content` into a slab for the `batch`th batch. */
  place(content: Buffer, batch: number): SlabView {
    if (content.length > SLAB_BYTES) {
      // Larger than a slab: a buffer of its own, not reused.
      const own = Buffer.from(new SharedArrayBuffer(content.length));
      content.copy(own);
      return { buffer: own.buffer as SharedArrayBuffer, offset: 0, length: content.length };
    }
    if (!this.current || this.used + content.length > SLAB_BYTES) {
      this.current = this.reusable() ?? this.grow();
      this.used = 0;
    }
    const slab = this.current;
    content.copy(slab.bytes, this.used);
    slab.lastBatch = batch;
    const view = { slab: slab.index, offset: this.used, length: content.length };
    this.used += content.length;
    return view;
  }

  private reusable(): { index: number; bytes: Buffer; lastBatch: number } | undefined {
    const written = Atomics.load(this.done, 0);
    return this.slabs.find((slab) => slab !== this.current && slab.lastBatch <= written);
  }

  private grow(): { index: number; bytes: Buffer; lastBatch: number } {
    const slab = {
      index: this.slabs.length,
      bytes: Buffer.from(new SharedArrayBuffer(SLAB_BYTES)),
      lastBatch: 0,
    };
    this.slabs.push(slab);
    this.announce(slab.index, slab.bytes.buffer as SharedArrayBuffer);
    return slab;
  }
}

const SLAB_BYTES = 1024 * 1024;

/** A staged file being written in order (StagedFiles.open). */
export interface StagedStream extends StagedFile {
  write(content: Buffer): void;
  end(): void;
}

// CommonJS run by `new Worker(..., { eval: true })`. Batches `{ seq, messages }` of, in order:
// `{ slab: i, buffer }` (a shared slab, before the pieces in it), `{ stage: n, bytes }`, `{ open: n }`,
// `{ append: n, bytes }`, `{ close: n }` (bytes: a piece of a slab or a buffer of its own), and last `{ end: true }`,
// answered once everything is written with each file's size, SHA-256, CRC-32 and, given a level, deflated bytes
// (WorkerAnswer).
// Files go to `dir/n`. After each batch `done[0]` says it is written, so that its slabs may be written again: a batch
// is done once the deflate stream of a file written in pieces has taken its pieces too, where they lie (copies of
// them waited ~35 MB for this thread's next garbage collection). A failed write throws here, and the build
// thread's promise rejects with the error.
const STAGING_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, openSync, writeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { crc32, createDeflateRaw, deflateRawSync } = require('node:zlib');
const { join } = require('node:path');
const { dir, done, level } = workerData;
const slabs = [];
const open = new Map();
const results = [];
let deflating = 0;
let ended = false;
const bytesOf = (view) => Buffer.from(view.buffer ?? slabs[view.slab], view.offset, view.length);
const writeAll = (fd, bytes) => {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
};
// The zip entries go back in one buffer: a message clones each typed array's whole ArrayBuffer.
const answer = () => {
  if (!ended || deflating > 0) return;
  const deflated = Buffer.concat(results.map((result) => result.deflated ?? Buffer.alloc(0)));
  let at = 0;
  const facts = results.map(({ deflated: own, ...result }) => {
    if (!own) return result;
    at += own.length;
    return { ...result, deflated: [at - own.length, at] };
  });
  parentPort.postMessage({ facts, deflated });
};
const startFile = (n) => {
  const file = { fd: openSync(join(dir, String(n)), 'w'), hash: createHash('sha256'), crc: 0, size: 0 };
  if (level !== undefined) {
    const chunks = [];
    file.deflate = createDeflateRaw({ level });
    file.deflate.on('data', (chunk) => chunks.push(chunk));
    file.deflate.on('error', (error) => { throw error; });
    file.deflate.on('end', () => {
      results[n].deflated = Buffer.concat(chunks);
      deflating--;
      answer();
    });
    deflating++;
  }
  open.set(n, file);
};
const handle = (message) => {
  if (message.slab !== undefined) slabs[message.slab] = message.buffer;
  else if (message.stage !== undefined) {
    const bytes = bytesOf(message.bytes);
    const fd = openSync(join(dir, String(message.stage)), 'w');
    try { writeAll(fd, bytes); } finally { closeSync(fd); }
    results[message.stage] = {
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      crc32: crc32(bytes),
      // Output in small pieces from Node's shared pool: a page's own 16 KB output buffer each (zlib's default)
      // waited for this thread's next garbage collection.
      ...(level === undefined ? {} : { deflated: deflateRawSync(bytes, { level, chunkSize: 2048 }) }),
    };
  } else if (message.open !== undefined) startFile(message.open);
  else if (message.append !== undefined) {
    const file = open.get(message.append);
    const bytes = bytesOf(message.bytes);
    writeAll(file.fd, bytes);
    file.hash.update(bytes);
    file.crc = crc32(bytes, file.crc);
    file.size += bytes.length;
    if (file.deflate) return new Promise((resolve, reject) => file.deflate.write(bytes, (e) => (e ? reject(e) : resolve())));
  } else if (message.close !== undefined) {
    const file = open.get(message.close);
    closeSync(file.fd);
    open.delete(message.close);
    results[message.close] = { size: file.size, sha256: file.hash.digest('hex'), crc32: file.crc };
    file.deflate?.end();
  } else if (message.end) {
    ended = true;
    answer();
  }
};
let written = Promise.resolve();
parentPort.on('message', ({ seq, messages }) => {
  written = written.then(async () => {
    for (const message of messages) await handle(message);
    Atomics.store(done, 0, seq);
  });
});
`;
