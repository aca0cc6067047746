import { rmSync } from 'node:fs';
import { makeFolders } from '../util/make-folders.js';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { removeEmptyFolders } from './written-file.js';
import { ZLIB_LEVEL } from './zip.js';

/**
 * Package files written while the build goes on, into a hidden folder of the package folder, for writePackage to
 * move into place; and, when asked, deflated for the zip. On ext4 creating a small file costs ~15 times what
 * renaming one does: a 1,000-action package's ~1,000 docs pages took ~0.2 s to create once everything else was
 * done, and their compression as long again. One worker thread does both, from messages, while the build thread
 * builds the next flows: the build thread only copies the bytes into a message (the thread pool's file and zlib
 * jobs each came back to it, three times per file). A build that fails removes the folder, and the folders made
 * for it.
 */
export class StagedFiles {
  private readonly worker: Worker;
  private readonly result: Promise<Map<number, Buffer>>;
  private readonly deflate: boolean;
  private count = 0;
  private ended = false;
  /** Messages not yet sent, and the buffers they move: sent together, so that the worker wakes up less often. */
  private batch: object[] = [];
  private moved: ArrayBuffer[] = [];
  private movedBytes = 0;

  private constructor(
    private readonly dir: string,
    /** The first folder made for this one (removed again when discarded, if empty), if any. */
    private readonly madeDir: string | undefined,
    deflate: boolean,
  ) {
    this.deflate = deflate;
    this.worker = new Worker(STAGING_WORKER, { eval: true, workerData: { dir, deflate, level: ZLIB_LEVEL } });
    // Until `end` the worker waits for files, and must not keep a failed build's process alive.
    this.worker.unref();
    this.result = new Promise((resolve, reject) => {
      this.worker.once('message', (deflated: Map<number, Uint8Array>) => {
        const buffers = new Map<number, Buffer>();
        for (const [n, data] of deflated)
          buffers.set(n, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
        resolve(buffers);
        void this.worker.terminate();
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the staging worker stopped (exit code ${code})`)));
    });
    this.result.catch(() => undefined);
  }

  /** A staging folder inside `packageDir` (made if need be); `deflate`: each file's zip data is made too. */
  static in(packageDir: string, options: { deflate: boolean }): StagedFiles {
    const dir = join(packageDir, `.staged.${process.pid}.partial`);
    const madeDir = makeFolders(dir);
    return new StagedFiles(dir, madeDir, options.deflate);
  }

  /** Writes `content` (in the background); returns the temporary file it goes to, and its zip data if asked. */
  stage(content: Buffer): Staged {
    const n = this.count++;
    this.send({ stage: n }, content);
    return this.staged(n);
  }

  /** A file written piece by piece as it is made (a build sheet, flow by flow), `end`ed after the last. */
  open(): StagedStream {
    const n = this.count++;
    this.send({ open: n });
    return {
      ...this.staged(n),
      write: (content) => this.send({ append: n }, content),
      end: () => this.send({ close: n }),
    };
  }

  /** No more files: the worker finishes them, and the zip data promised comes. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.send({ end: true });
    this.flush();
    this.worker.ref();
  }

  /** Once every staged file is written (after `end`); throws the first failure. */
  async settled(): Promise<void> {
    this.end();
    await this.result;
  }

  /** Stops the worker; removes the staging folder with what is in it, and the folders made for it now empty. */
  async discard(): Promise<void> {
    await this.worker.terminate();
    rmSync(this.dir, { recursive: true, force: true });
    if (this.madeDir && this.madeDir !== this.dir) removeEmptyFolders(dirname(this.dir), this.madeDir);
  }

  /**
   * Queues a message (with a copy of `content`, moved to the worker). Each message sent wakes the worker thread,
   * and on a busy machine a woken thread can take the build thread's core: a message per docs page cost more
   * than writing the page.
   */
  private send(message: object, content?: Buffer): void {
    if (content) {
      const bytes = owned(content);
      this.batch.push({ ...message, bytes });
      this.moved.push(bytes);
      this.movedBytes += bytes.byteLength;
    } else this.batch.push(message);
    if (this.movedBytes >= BATCH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    this.worker.postMessage(this.batch, this.moved);
    this.batch = [];
    this.moved = [];
    this.movedBytes = 0;
  }

  private staged(n: number): Staged {
    const file = join(this.dir, String(n));
    if (!this.deflate) return { file };
    const deflated = this.result.then((all) => {
      const data = all.get(n);
      if (!data) throw new Error(`no compressed data for the staged file ${file}`);
      return data;
    });
    deflated.catch(() => undefined);
    return { file, deflated };
  }
}

/** Bytes of content per message to the worker. */
const BATCH_BYTES = 256 * 1024;

/**
 * The bytes in an ArrayBuffer of their own, to move to the worker: a message copies a view's whole buffer (a
 * template slab is 1 MB), and `content` itself stays with the package.
 */
function owned(content: Buffer): ArrayBuffer {
  return content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer;
}

/** A staged file: where it is written, and its zip data (when the staging deflates; once `end`ed). */
export interface Staged {
  readonly file: string;
  readonly deflated?: Promise<Buffer>;
}

/** A staged file being written in order (StagedFiles.open). */
export interface StagedStream extends Staged {
  write(bytes: Buffer): void;
  end(): void;
}

// CommonJS run by `new Worker(..., { eval: true })`. Messages are batches of, in order: `{ stage: n, bytes }`,
// `{ open: n }`, `{ append: n, bytes }`, `{ close: n }` (bytes: a moved ArrayBuffer), then `{ end: true }`, answered
// with the zip data of every file by n (empty without deflate).
// Files go to `dir/n`. A failed write throws here, and the build thread's promise rejects with the error.
const STAGING_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, openSync, writeSync } = require('node:fs');
const { join } = require('node:path');
const { createDeflateRaw, deflateRawSync } = require('node:zlib');
const { dir, deflate, level } = workerData;
const deflated = new Map();
const open = new Map();
let pending = 0;
let ending = false;
const writeAll = (fd, bytes) => {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
};
const answer = () => {
  if (ending && pending === 0) parentPort.postMessage(deflated);
};
const handle = (message) => {
  if (message.end) {
    ending = true;
    return answer();
  }
  if (message.stage !== undefined) {
    const bytes = Buffer.from(message.bytes);
    const fd = openSync(join(dir, String(message.stage)), 'w');
    try { writeAll(fd, bytes); } finally { closeSync(fd); }
    if (deflate) deflated.set(message.stage, deflateRawSync(bytes, { level }));
    return;
  }
  if (message.open !== undefined) {
    const file = { fd: openSync(join(dir, String(message.open)), 'w') };
    if (deflate) {
      pending++;
      const out = [];
      file.stream = createDeflateRaw({ level, chunkSize: 64 * 1024 });
      file.stream.on('data', (chunk) => out.push(chunk));
      file.stream.on('error', (error) => { throw error; });
      file.stream.on('end', () => {
        deflated.set(message.open, Buffer.concat(out));
        pending--;
        answer();
      });
    }
    open.set(message.open, file);
    return;
  }
  const file = open.get(message.append ?? message.close);
  if (message.append !== undefined) {
    const bytes = Buffer.from(message.bytes);
    writeAll(file.fd, bytes);
    if (file.stream) file.stream.write(bytes);
    return;
  }
  closeSync(file.fd);
  if (file.stream) file.stream.end();
};
parentPort.on('message', (batch) => {
  for (const message of batch) handle(message);
});
`;
