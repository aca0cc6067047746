import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { WrittenContent } from './types.js';
import { makeFolders } from '../util/make-folders.js';

/** What the package needs of a file without its bytes: its size, SHA-256 (the manifest's), CRC-32 (the zip's). */
export type FileFacts = Omit<WrittenContent, 'temporary'>;

/**
 * A package file written to disk while it is made (the flopack, block by block), so that its bytes need not stay in
 * memory until the package is written: a 1,000-action flopack is ~47 MB, a 3,000-action one ~140 MB. It goes to a
 * temporary file beside its final place; its size, SHA-256 (the manifest's) and CRC-32 (the zip's) are taken from
 * each block as it passes. writePackage moves it into place; a build that fails discards it.
 */
export class FileWriter {
  /** Open for writing until `close`; another thread may write through it (block-spool.ts) and bring its facts. */
  readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private crc = 0;
  private size = 0;
  private closed = false;

  private constructor(
    private readonly temporary: string,
    /** The folder this writer made (and removes again when discarded, if empty), if any. */
    private readonly madeDir: string | undefined,
  ) {
    this.fd = openSync(temporary, 'wx');
  }

  /** A writer for the file that will be `path`. */
  static for(path: string): FileWriter {
    const madeDir = makeFolders(dirname(path));
    return new FileWriter(join(dirname(path), `.${basename(path)}.${process.pid}.partial`), madeDir);
  }

  write(bytes: Buffer): void {
    for (let done = 0; done < bytes.length;) done += writeSync(this.fd, bytes, done, bytes.length - done);
    this.hash.update(bytes);
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
  }

  /** The facts of what `write` wrote. */
  facts(): FileFacts {
    return { size: this.size, sha256: this.hash.digest('hex'), crc32: this.crc };
  }

  /** The file as written: where it lies, and its facts (as `facts()` gives them, or another thread's writes). */
  close(facts: FileFacts): WrittenContent {
    this.closeOnce();
    return { temporary: this.temporary, ...facts };
  }

  /**
   * Removes the temporary file if it is still there (it is not once moved into place), and the folders made for
   * it that are still empty.
   */
  discard(): void {
    this.closeOnce();
    try {
      unlinkSync(this.temporary);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (this.madeDir) removeEmptyFolders(dirname(this.temporary), this.madeDir);
  }

  private closeOnce(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

/** Removes `dir` and the folders above it up to `madeDir` (those made for a file), each only while it is empty. */
export function removeEmptyFolders(dir: string, madeDir: string): void {
  for (let at = dir; ; at = dirname(at)) {
    try {
      rmdirSync(at);
    } catch {
      return; // not empty: something else is there; leave it and the folders above it
    }
    if (at === madeDir || dirname(at) === at) return;
  }
}
