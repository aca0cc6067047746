import type { Io } from './io.js';

/** What every command's action receives besides its own options. */
export interface CommandContext {
  io: Io;
  /** Records the exit code the command wants; the last call wins. */
  exit(code: number): void;
}
