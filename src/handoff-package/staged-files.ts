import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { makeFolders } from '../util/make-folders.js';
import { removeEmptyFolders } from './written-file.js';

/**
 * Package files written while the build goes on, into a hidden folder of the package folder, for writePackage to
 * move into place. On ext4 creating a small file costs ~15 times what renaming one does: a 1,000-action package's
 * ~1,000 docs pages took ~0.2 s to create once everything else was done. One worker thread writes them while the
 * build thread builds the next flows; the build thread only copies the bytes into shared memory (the thread pool's
 * file jobs each came back to it three times per file). A build that fails removes the folder, and the folders
 * made for it.
 */
export class StagedFiles {
  private readonly worker: Worker;
  private readonly written: Promise<void>;
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
  ) {
    const done = new Int32Array(new SharedArrayBuffer(4));
    this.slabs = new SlabRing(done);
    this.worker = new Worker(STAGING_WORKER, { eval: true, workerData: { dir, done } });
    // Until `end` the worker waits for files, and must not keep a failed build's process alive.
    this.worker.unref();
    this.written = new Promise((resolve, reject) => {
      this.worker.once('message', () => {
        resolve();
        void this.worker.terminate();
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the staging worker stopped (exit code ${code})`)));
    });
    this.written.catch(() => undefined);
  }

  /** A staging folder inside `packageDir` (made if need be). */
  static in(packageDir: string): StagedFiles {
    const dir = join(packageDir, `.staged.${process.pid}.partial`);
    return new StagedFiles(dir, makeFolders(dir));
  }

  /** Writes `content` (in the background); returns the temporary file it goes to. */
  stage(content: Buffer): string {
    const n = this.count++;
    this.send({ stage: n, bytes: this.slabs.place(content, this.sent + 1) }, content.length);
    return join(this.dir, String(n));
  }

  /** A file written piece by piece as it is made (a build sheet, flow by flow), `end`ed after the last. */
  open(): StagedStream {
    const n = this.count++;
    this.send({ open: n }, 0);
    return {
      file: join(this.dir, String(n)),
      write: (content) =>
        this.send({ append: n, bytes: this.slabs.place(content, this.sent + 1) }, content.length),
      end: () => this.send({ close: n }, 0),
    };
  }

  /** No more files: the worker writes what is left, then says so. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.send({ end: true }, 0);
    this.flush();
    this.worker.ref();
  }

  /** Once every staged file is written; throws the first failure. */
  async settled(): Promise<void> {
    this.end();
    await this.written;
  }

  /** Stops the worker; removes the staging folder with what is in it, and the folders made for it now empty. */
  async discard(): Promise<void> {
    await this.worker.terminate();
    rmSync(this.dir, { recursive: true, force: true });
    if (this.madeDir && this.madeDir !== this.dir) removeEmptyFolders(dirname(this.dir), this.madeDir);
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

/** Bytes of content per message to the worker. */
const BATCH_BYTES = 256 * 1024;

type StagingMessage =
  | { stage: number; bytes: SlabView }
  | { open: number }
  | { append: number; bytes: SlabView }
  | { close: number }
  | { end: true };

/** Where a piece of content lies in shared memory. */
interface SlabView {
  buffer: SharedArrayBuffer;
  offset: number;
  length: number;
}

/**
 * Shared slabs the content is copied into for the worker, each written again once the worker has written every
 * batch that uses it: the staged bytes take a few slabs however large the package (moving each piece to the worker
 * instead left ~30 MB of moved buffers in its heap until its next garbage collection).
 */
class SlabRing {
  private readonly slabs: Array<{ bytes: Buffer; lastBatch: number }> = [];
  private current: { bytes: Buffer; lastBatch: number } | undefined;
  private used = 0;

  /** @param done `done[0]`: how many batches the worker has written. */
  constructor(private readonly done: Int32Array) {}

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
    const view = {
      buffer: slab.bytes.buffer as SharedArrayBuffer,
      offset: this.used,
      length: content.length,
    };
    this.used += content.length;
    return view;
  }

  private reusable(): { bytes: Buffer; lastBatch: number } | undefined {
    const written = Atomics.load(this.done, 0);
    return this.slabs.find((slab) => slab !== this.current && slab.lastBatch <= written);
  }

  private grow(): { bytes: Buffer; lastBatch: number } {
    const slab = { bytes: Buffer.from(new SharedArrayBuffer(SLAB_BYTES)), lastBatch: 0 };
    this.slabs.push(slab);
    return slab;
  }
}

const SLAB_BYTES = 1024 * 1024;

/** A staged file being written in order (StagedFiles.open). */
export interface StagedStream {
  /** The temporary file it goes to. */
  readonly file: string;
  write(content: Buffer): void;
  end(): void;
}

// CommonJS run by `new Worker(..., { eval: true })`. Batches `{ seq, messages }` of, in order:
// `{ stage: n, bytes }`, `{ open: n }`, `{ append: n, bytes }`, `{ close: n }` (bytes: a view of shared memory),
// and last `{ end: true }`, answered once everything is written. Files go to `dir/n`. After each batch `done[0]`
// says it is written, so that its shared memory may be written again. A failed write throws here, and the build
// thread's promise rejects with the error.
const STAGING_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, openSync, writeSync } = require('node:fs');
const { join } = require('node:path');
const { dir, done } = workerData;
const open = new Map();
const writeAll = (fd, view) => {
  const bytes = Buffer.from(view.buffer, view.offset, view.length);
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
};
const handle = (message) => {
  if (message.end) return parentPort.postMessage('written');
  if (message.stage !== undefined) {
    const fd = openSync(join(dir, String(message.stage)), 'w');
    try { writeAll(fd, message.bytes); } finally { closeSync(fd); }
  } else if (message.open !== undefined) open.set(message.open, openSync(join(dir, String(message.open)), 'w'));
  else if (message.append !== undefined) writeAll(open.get(message.append), message.bytes);
  else {
    closeSync(open.get(message.close));
    open.delete(message.close);
  }
};
parentPort.on('message', ({ seq, messages }) => {
  for (const message of messages) handle(message);
  Atomics.store(done, 0, seq);
});
`;
