import { Worker } from 'node:worker_threads';
import { deflateEntry, ZLIB_LEVEL } from './zip.js';
import type { FileFacts, FileWriter } from './written-file.js';

/**
 * What becomes of a large file's blocks as they are written (the flopack, from FlopackWriter's `onBlock`): deflated
 * for the zip, and written to disk with the facts the package needs (size, SHA-256, CRC-32), on a worker thread
 * while the build thread makes the next blocks. The worker starts with the second block: content that fits one block
 * is small, and is deflated and written here at the end. The same zlib at the same level gives the same bytes
 * however the input arrives (test/handoff-package/block-spool.test.ts).
 */
export interface BlockSpool {
  /** A block in shared memory (the worker reads it where it lies). */
  add(block: Buffer): void;
  /**
   * The memory of a block added earlier that the worker is done with (written, hashed and deflated), to be filled
   * again, when one of `size` bytes is: a 1,000-action flopack's blocks otherwise waited, ~47 MB, for a full
   * garbage collection of the build thread. Only for blocks nothing else reads once added.
   */
  recycled(size: number): Buffer | undefined;
  /** After the last block: the deflated content (when asked for) and the facts of the file (when given one). */
  end(): Promise<{ deflated?: Buffer; facts?: FileFacts }>;
}

export function spoolBlocks(options: { deflate: boolean; file?: FileWriter }): BlockSpool {
  const { deflate, file } = options;
  const first: Buffer[] = [];
  let worker: SpoolWorker | undefined;
  /** The blocks given to the worker, oldest first, with their place in its order, until recycled. */
  const given: Array<{ memory: SharedArrayBuffer; index: number }> = [];
  let count = 0;
  const give = (block: Buffer) => {
    worker!.add(block);
    given.push({ memory: block.buffer as SharedArrayBuffer, index: count++ });
  };
  return {
    add(block) {
      if (!(block.buffer instanceof SharedArrayBuffer)) throw new Error('spoolBlocks takes shared memory');
      if (!worker && first.length === 0) {
        first.push(block);
        return;
      }
      worker ??= spoolWorker(deflate, file?.fd);
      for (const b of first.splice(0)) give(b);
      give(block);
    },
    recycled(size) {
      if (!worker) return undefined;
      const done = worker.done();
      // In order: the oldest block is the first the worker finishes. One of another size is left to the collector.
      while (given.length > 0 && given[0]!.index < done) {
        const { memory } = given.shift()!;
        if (memory.byteLength === size) return Buffer.from(memory);
      }
      return undefined;
    },
    async end() {
      if (worker) return worker.end();
      for (const block of first) file?.write(block);
      return {
        ...(deflate ? { deflated: await deflateEntry(first) } : {}),
        ...(file ? { facts: file.facts() } : {}),
      };
    },
  };
}

// CommonJS run by `new Worker(..., { eval: true })`: `{ block }` messages (views of SharedArrayBuffers), then
// `{ end: true }`. The file descriptor is the process's, opened by the build thread (written-file.ts). `done[0]`
// counts the blocks it is done with.
const SPOOL_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createDeflateRaw, crc32 } = require('node:zlib');
const { createHash } = require('node:crypto');
const { writeSync } = require('node:fs');
const { level, deflate, fd, done } = workerData;
const hash = fd === undefined ? undefined : createHash('sha256');
let size = 0;
let crc = 0;
const finish = (deflated) => {
  const facts = hash && { size, sha256: hash.digest('hex'), crc32: crc };
  parentPort.postMessage({ deflated, facts });
};
const stream = deflate ? createDeflateRaw({ level }) : undefined;
const out = [];
if (stream) {
  stream.on('data', (chunk) => out.push(chunk));
  stream.on('error', (error) => { throw error; });
  stream.on('end', () => finish(Buffer.concat(out)));
}
parentPort.on('message', (message) => {
  if (message.end) {
    if (stream) stream.end();
    else finish(undefined);
    return;
  }
  const block = Buffer.from(message.block.buffer, message.block.byteOffset, message.block.byteLength);
  if (hash) {
    for (let done = 0; done < block.length; ) done += writeSync(fd, block, done, block.length - done);
    hash.update(block);
    crc = crc32(block, crc);
    size += block.length;
  }
  // Done with the block once deflate has read it: its memory may be filled again (done[0], in order).
  if (stream) stream.write(block, () => Atomics.add(done, 0, 1));
  else Atomics.add(done, 0, 1);
});
`;

interface SpoolWorker {
  add(block: Buffer): void;
  /** How many blocks, in the order added, it has written, hashed and deflated. */
  done(): number;
  end(): Promise<{ deflated?: Buffer; facts?: FileFacts }>;
}

function spoolWorker(deflate: boolean, fd: number | undefined): SpoolWorker {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(SPOOL_WORKER, {
    eval: true,
    workerData: { level: ZLIB_LEVEL, deflate, fd, done },
  });
  // Until end() is called the worker waits for blocks, and must not keep a failed build's process alive.
  worker.unref();
  type Reply = { deflated?: Uint8Array; facts?: FileFacts };
  const result = new Promise<{ deflated?: Buffer; facts?: FileFacts }>((resolve, reject) => {
    worker.once('message', ({ deflated, facts }: Reply) => {
      resolve({
        ...(deflated
          ? { deflated: Buffer.from(deflated.buffer, deflated.byteOffset, deflated.byteLength) }
          : {}),
        ...(facts ? { facts } : {}),
      });
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the flopack's writing worker stopped (exit code ${code})`)),
    );
  });
  result.catch(() => undefined);
  return {
    add: (block) =>
      worker.postMessage({ block: new Uint8Array(block.buffer, block.byteOffset, block.byteLength) }),
    done: () => Atomics.load(done, 0),
    end() {
      worker.ref();
      worker.postMessage({ end: true });
      return result;
    },
  };
}
