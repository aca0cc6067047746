import { open, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { byteLength, compareStrings, contentParts, MANIFEST_PATH, type Manifest } from './manifest.js';
import { isWritten, type Artifact, type Content, type StaleReport, type WrittenFile } from './types.js';
import { makeFolders } from '../util/make-folders.js';

/**
 * The one place the hand-off package touches the disk (besides files written while it is made, written-file.ts
 * and staged-files.ts, which this moves into place). Writes every artifact under `dir` and removes files that the
 * previous build listed (its manifest and zip) but this one no longer produces; nothing else in `dir` is touched.
 */
export async function writePackage(
  dir: string,
  artifacts: readonly Artifact[],
): Promise<{ written: WrittenFile[]; removed: string[] }> {
  const previous = await previousFiles(dir);
  const next = new Set(artifacts.map((a) => a.path));
  const removed: string[] = [];
  for (const path of previous) {
    if (next.has(path)) continue;
    await unlinkIfThere(inside(dir, path));
    removed.push(path);
  }
  // One mkdir per folder, then the files in parallel: a 1,000-action package is over 1,000 small docs, and
  // writing them one by one left the process idle for most of half a second.
  const listed = new Set(previous);
  const targets = artifacts.map((a) => ({ ...a, replaces: listed.has(a.path), path: inside(dir, a.path) }));
  for (const folder of new Set(targets.map((t) => dirname(t.path)))) makeFolders(folder);
  await inBatches(targets, WRITE_CONCURRENCY, async (t) => {
    // The previous build's file goes first, then the new one takes its name. Renaming over it (or truncating
    // it) kept a 1,000-action rebuild waiting ~0.1 s longer than a build into an empty folder (ext4 starts
    // writing a replacing file's data out before the rename returns), and writing into it would change any hard
    // link to it. A crash in between leaves that file missing rather than old; one half-way through the package
    // leaves it mixed anyway.
    if (t.replaces) await unlinkIfThere(t.path);
    await writeOne(t.path, t.content);
  });
  return {
    written: artifacts.map((a) => ({ path: a.path, bytes: byteLength(a.content) })),
    removed: removed.sort(compareStrings),
  };
}

const WRITE_CONCURRENCY = 32;

/** Removes a file if it is there, in one system call (`rm` with `force` adds an lstat: ~20 ms at 1,000 files). */
async function unlinkIfThere(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Pieces per vectored write (Linux's IOV_MAX). */
const PIECES_PER_WRITE = 1024;

async function writeOne(path: string, content: Content): Promise<void> {
  if (isWritten(content)) return rename(content.temporary, path);
  if (typeof content === 'string' || Buffer.isBuffer(content)) return writeFile(path, content);
  // Pieces (a build sheet's section per flow, the zip's headers and entries) in vectored writes: a thread-pool
  // round trip per 16 KB run was ~0.2 s of a 1,000-action build's writing.
  const handle = await open(path, 'w');
  try {
    let pieces = contentParts(content).filter((piece) => piece.length > 0);
    while (pieces.length > 0) {
      const batch = pieces.slice(0, PIECES_PER_WRITE);
      const { bytesWritten } = await handle.writev(batch);
      pieces = [...afterBytes(batch, bytesWritten), ...pieces.slice(PIECES_PER_WRITE)];
    }
  } finally {
    await handle.close();
  }
}

/** What of `pieces` a write of `count` bytes left unwritten (a short write is rare, and then continued). */
export function afterBytes(pieces: readonly Buffer[], count: number): Buffer[] {
  const rest: Buffer[] = [];
  let skip = count;
  for (const piece of pieces) {
    if (skip >= piece.length) {
      skip -= piece.length;
      continue;
    }
    rest.push(skip > 0 ? piece.subarray(skip) : piece);
    skip = 0;
  }
  return rest;
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/** Compares what the spec produces now with `dir`; `ignoreExtra` skips files that may lie there unmanaged. */
export async function comparePackage(
  dir: string,
  artifacts: readonly Artifact[],
  ignoreExtra: (path: string) => boolean = () => false,
): Promise<StaleReport> {
  const onDisk = await listFiles(dir);
  const expected = new Map(artifacts.map((a) => [a.path, a] as const));
  const report: StaleReport = { changed: [], missing: [], extra: [] };
  for (const artifact of artifacts) {
    if (!onDisk.has(artifact.path)) {
      report.missing.push(artifact.path);
      continue;
    }
    const current = await readFile(inside(dir, artifact.path));
    const { content } = artifact;
    const parts = isWritten(content) ? [await readFile(content.temporary)] : contentParts(content);
    const wanted = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    if (!current.equals(wanted)) report.changed.push(artifact.path);
  }
  for (const path of onDisk) if (!expected.has(path) && !ignoreExtra(path)) report.extra.push(path);
  report.changed.sort(compareStrings);
  report.missing.sort(compareStrings);
  report.extra.sort(compareStrings);
  return report;
}

export function isStale(report: StaleReport): boolean {
  return report.changed.length + report.missing.length + report.extra.length > 0;
}

/** Every file under `dir`, as posix paths relative to it; empty when `dir` does not exist. */
async function listFiles(dir: string): Promise<Set<string>> {
  const out = new Set<string>();
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw error;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const parent =
      (entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path: string }).path;
    out.add(relative(dir, join(parent, entry.name)).split(sep).join('/'));
  }
  return out;
}

/** Files the last build wrote, from its manifest (a missing or unreadable manifest means none). */
async function previousFiles(dir: string): Promise<string[]> {
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST_PATH), 'utf8')) as Partial<Manifest>;
  } catch {
    return [];
  }
  const paths = Array.isArray(manifest.artifacts) ? manifest.artifacts.map((a) => String(a?.path ?? '')) : [];
  const name = manifest.connector?.name;
  const version = manifest.connector?.version;
  if (typeof name === 'string' && typeof version === 'string') paths.push(`${name}-${version}.zip`);
  return paths.filter((p) => isSafeRelative(p));
}

function isSafeRelative(path: string): boolean {
  return path !== '' && !isAbsolute(path) && !path.split(/[\\/]/).some((s) => s === '..' || s === '');
}

/** `dir/path`, refusing anything that would land outside `dir`. */
function inside(dir: string, path: string): string {
  if (!isSafeRelative(path)) throw new Error(`refusing to write outside the package directory: ${path}`);
  return join(dir, ...path.split('/'));
}
