import type { Io } from './io.js';

/**
 * The CLI bundle's entry (dist/bundle/cli.cjs, loaded by src/cli/launch.ts): runs one command and returns its exit
 * code. `io` replaces the process's streams (the build step that warms the code cache runs commands quietly).
 */
export async function main(argv: readonly string[], io?: Partial<Io>): Promise<number> {
  const [{ processIo }, { run }] = await Promise.all([import('./io.js'), import('./run.js')]);
  return run(argv, { ...(await processIo()), ...io });
}
