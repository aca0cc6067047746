import { fileURLToPath } from 'node:url';

/**
 * The package root as a file URL (with a trailing slash). `src/util` under vitest and `dist/util` after the build
 * sit at the same depth, so one relative URL serves both.
 */
export const packageRoot = new URL('../../', import.meta.url);

export function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, packageRoot));
}
