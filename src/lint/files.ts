import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { lintFile } from './index.js';
import { append } from '../util/append.js';

export const FLOPACK_EXTENSIONS = ['.flopack', '.flow', '.folder'] as const;

export interface FileToLint {
  path: string;
  /** As the user would write it: relative to cwd for files found inside a directory argument. */
  displayName: string;
}

function isFlopackName(name: string): boolean {
  return FLOPACK_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/** Expands directory arguments to the flopack files inside them (recursively, sorted); files pass through. */
export async function collectFlopackFiles(args: readonly string[], cwd: string): Promise<FileToLint[]> {
  const out: FileToLint[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
      out.push({ path, displayName: arg }); // missing files are reported by lintFile
      continue;
    }
    for (const found of await walk(path)) {
      out.push({ path: found, displayName: relative(cwd, found) || found });
    }
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) append(files, await walk(full));
    else if (entry.isFile() && isFlopackName(entry.name)) files.push(full);
  }
  return files;
}

/** Lints files one after another (bounded memory for big folders). */
export async function lintFiles(
  files: readonly FileToLint[],
  options: { connector?: boolean } = {},
): Promise<Diagnostic[]> {
  const all: Diagnostic[] = [];
  for (const file of files) {
    append(all, await lintFile(file.path, { connector: options.connector, displayName: file.displayName }));
  }
  return all;
}
