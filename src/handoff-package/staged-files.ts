import { createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { removeEmptyFolders } from './written-file.js';

/**
 * Package files written while the build goes on, into a hidden folder of the package folder, for writePackage to
 * move into place. On ext4 creating a small file costs ~15 times what renaming one does: a 1,000-action package's
 * ~1,000 docs pages took ~0.2 s to create once everything else was done. Staged, they are created on the thread
 * pool while the flows are built. A build that fails removes the folder, and the folders made for it.
 */
export class StagedFiles {
  private readonly writes: Array<Promise<void>> = [];
  /** Streams not yet ended: a build that fails stops them. */
  private readonly streams = new Set<WriteStream>();
  private failure: { error: unknown } | undefined;
  private count = 0;

  private constructor(
    private readonly dir: string,
    /** The first folder made for this one (removed again when discarded, if empty), if any. */
    private readonly madeDir: string | undefined,
  ) {}

  /** A staging folder inside `packageDir` (made if need be). */
  static in(packageDir: string): StagedFiles {
    const dir = join(packageDir, `.staged.${process.pid}.partial`);
    const madeDir = mkdirSync(dir, { recursive: true });
    return new StagedFiles(dir, madeDir);
  }

  /** Starts writing `content`; returns the temporary file it goes to. A failure surfaces in `settled`. */
  stage(content: Buffer): string {
    const file = join(this.dir, String(this.count++));
    this.writes.push(
      writeFile(file, content).catch((error: unknown) => {
        this.failure ??= { error };
      }),
    );
    return file;
  }

  /**
   * A file written piece by piece as it is made (a build sheet, flow by flow); `write`s go on in the background,
   * `end` after the last. A failure surfaces in `settled`.
   */
  open(): StagedStream {
    const file = join(this.dir, String(this.count++));
    const stream = createWriteStream(file);
    this.streams.add(stream);
    this.writes.push(
      // 'close' comes after 'finish', and after a stop (discard) without one.
      new Promise<void>((resolve, reject) => {
        stream.on('close', resolve);
        stream.on('error', reject);
      }).catch((error: unknown) => {
        this.failure ??= { error };
      }),
    );
    return {
      file,
      write: (bytes) => void stream.write(bytes),
      end: () => {
        this.streams.delete(stream);
        stream.end();
      },
    };
  }

  /** Once every staged file is written; throws the first write's error. */
  async settled(): Promise<void> {
    await Promise.all(this.writes);
    if (this.failure) throw this.failure.error;
  }

  /** Removes the staging folder with whatever is left in it, and the folders made for it that are now empty. */
  async discard(): Promise<void> {
    // Writes still under way would land in a removed folder (and fail there): let them finish first.
    for (const stream of this.streams) stream.destroy();
    await Promise.all(this.writes);
    rmSync(this.dir, { recursive: true, force: true });
    if (this.madeDir && this.madeDir !== this.dir) removeEmptyFolders(dirname(this.dir), this.madeDir);
  }
}

/** A staged file being written in order (StagedFiles.open). */
export interface StagedStream {
  /** The temporary file it goes to. */
  readonly file: string;
  write(bytes: Buffer): void;
  end(): void;
}
