import { lstat, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import type { ScaffoldFile } from './render.js';
import { makeFolders } from '../util/make-folders.js';

export interface WriteResult {
  /** Relative paths written (created or, with --force, replaced). */
  written: string[];
  /** Relative paths left as they were (existing files marked `keep`). */
  kept: string[];
}

/** Whether `rel` stays inside the folder: no `..` segment, not absolute, no NUL. */
export function isInside(dir: string, rel: string): boolean {
  if (rel === '' || rel.includes('\0') || isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) return false;
  const back = relative(dir, resolve(dir, rel));
  return back !== '' && !back.startsWith('..' + sep) && back !== '..' && !isAbsolute(back);
}

type Kind = 'missing' | 'file' | 'dir' | 'other';

async function kindOf(path: string): Promise<Kind> {
  try {
    const info = await lstat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

/**
 * Writes the scaffold only when every check passes: each path stays inside `dir`, no folder on the way is a
 * symlink or a file, and no file exists (unless --force; `keep` files are then skipped instead). Files go to
 * temporary names first and are renamed at the end; a failure removes what was created, so a folder is never left
 * half-written. Renaming also replaces a symlinked file rather than writing through it.
 */
export async function writeScaffold(
  dir: string,
  files: readonly ScaffoldFile[],
  opts: { force: boolean; shownDir?: string },
): Promise<WriteResult> {
  const shown = opts.shownDir ?? dir;
  const conflicts: string[] = [];
  const blocked: string[] = [];
  const toWrite: ScaffoldFile[] = [];
  const kept: string[] = [];
  const dirKind = await kindOf(dir);
  if (dirKind === 'file' || dirKind === 'other') throw new UserError(`${shown} exists and is not a folder`);
  for (const file of files) {
    if (!isInside(dir, file.path)) throw new Error(`scaffold path escapes the target folder: ${file.path}`);
    // Intermediate folders (tests/, .github/workflows/) must be real folders: a symlink could lead outside.
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const sub = parts.slice(0, i).join('/');
      const kind = await kindOf(join(dir, sub));
      if (kind === 'file' || kind === 'other')
        blocked.push(`${sub} (${kind === 'file' ? 'a file' : 'a symlink or special file'})`);
    }
    const kind = await kindOf(join(dir, file.path));
    if (kind === 'missing') toWrite.push(file);
    else if (kind === 'dir') blocked.push(`${file.path} (a folder)`);
    else if (file.ifExists === 'keep') kept.push(file.path);
    else if (opts.force) toWrite.push(file);
    else conflicts.push(file.path);
  }
  if (blocked.length > 0) {
    throw new UserError(
      `cannot write into ${shown}: ${[...new Set(blocked)].join(', ')} ${blocked.length === 1 ? 'is' : 'are'} in the way; nothing was written`,
    );
  }
  if (conflicts.length > 0) {
    throw new UserError(
      `refusing to overwrite ${conflicts.join(', ')} in ${shown}; nothing was written. Use --force to overwrite, or choose another folder`,
    );
  }

  const createdDirs: string[] = [];
  const temps: Array<{ temp: string; final: string }> = [];
  try {
    for (const file of toWrite) {
      const final = join(dir, file.path);
      const first = makeFolders(dirname(final));
      if (first) createdDirs.push(first);
      const temp = join(dirname(final), `.${file.path.split('/').pop() ?? 'file'}.okta-connector-init.tmp`);
      temps.push({ temp, final });
      await writeFile(temp, file.content, { flag: 'wx' });
    }
    for (const { temp, final } of temps) await rename(temp, final);
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    // Only folders this call created (mkdir reports the first one it made), newest first.
    for (const d of createdDirs.reverse()) await rm(d, { recursive: true, force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UserError(`could not write the scaffold in ${shown} (${reason}); nothing was written`);
  }
  return { written: toWrite.map((f) => f.path), kept };
}
