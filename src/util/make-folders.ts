import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`: makes `path` and the folders above it that are missing, and returns the first folder it made, if any
 * (as `mkdirSync(path, { recursive: true })` does). Node 20's own recursive mkdir never returns where nothing can be
 * made under an existing folder (`/proc/x` loops forever); this stops there with the file system's error.
 */
export function makeFolders(path: string): string | undefined {
  const missing: string[] = [];
  for (let at = resolve(path); !isFolder(at); at = dirname(at)) {
    missing.push(at);
    if (dirname(at) === at) break;
  }
  missing.reverse();
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Made meanwhile by someone else: fine. A file there: its EEXIST says so.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && isFolder(folder)) continue;
      throw error;
    }
  }
  return missing[0];
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
