import { noPaint } from '../../src/diagnostics/format.js';
import type { Io } from '../../src/cli/io.js';

/** An in-memory Io for running CLI commands in-process. */
export function fakeIo(options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string } = {}): Io & {
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  return {
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    readStdin: async () => options.stdin ?? '',
    interactive: false,
    paint: noPaint,
    out: () => out,
    err: () => err,
  };
}
