import type { FlowKind } from '../connector/flow-kinds.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { BuildThreads } from './flow-split.js';

/**
 * A file's bytes: text, one buffer, or the buffers it was encoded in, in order. Large files stay in their pieces:
 * joining them held a 1,000-action flopack (~47 MB) twice. Or a file already written while it was made.
 */
export type Content = string | Buffer | readonly Buffer[] | WrittenContent;

/** A file written to a temporary file while it was made (written-file.ts), with the facts the package needs. */
export interface WrittenContent {
  readonly temporary: string;
  readonly size: number;
  readonly sha256: string;
  readonly crc32: number;
}

/** Content whose bytes are in memory. */
export type InMemory = Exclude<Content, WrittenContent>;

export function isWritten(content: Content): content is WrittenContent {
  return typeof content === 'object' && 'temporary' in content;
}

/** One file of the hand-off package, relative to `dist/<name>/` (posix separators). */
export interface Artifact {
  path: string;
  content: Content;
  /** Its zip entry's deflated bytes, when made as it was written (staged-files.ts). */
  deflated?: Buffer;
}

export type { FlowKind } from '../connector/flow-kinds.js';
export type { GeneratedFlow } from '../generate/index.js';

export interface BuildOptions {
  /** Output root; the package goes to `<outDir>/<name>/`. */
  outDir: string;
  /** Compare with what is on disk instead of writing. */
  check?: boolean;
  /** Write the `<name>-<version>.zip` (default true). */
  zip?: boolean;
  /** How diagnostics name the spec file (default: `specPath`). */
  displayName?: string;
  /** Which threads build the flows (flow-split.ts; `--threads`): one by default. */
  threads?: BuildThreads;
  /**
   * Whether the documents are written (staged-files.ts) as they are made rather than at the end: by default from
   * build.ts WRITE_AHEAD_ACTIONS actions on. The same bytes either way.
   */
  writeAhead?: boolean;
  /**
   * Whether, once its worker threads are running, the build lowers the priority of the process's other threads
   * (util/thread-priority.ts) so that its main thread keeps a core. The CLI does; a library caller's process is its
   * own to schedule.
   */
  mainThreadFirst?: boolean;
  /**
   * Whether the build runs one full garbage collection once it has read a large spec (build.ts LARGE_SPEC_CHARS,
   * where the measured gain is; util/collect-garbage.ts). The CLI does; a library caller's heap is its own.
   */
  collectAfterLargeSpec?: boolean;
}

export interface WrittenFile {
  /** Relative to the package directory, posix. */
  path: string;
  bytes: number;
}

export interface StaleReport {
  /** On disk but different from what the spec produces now. */
  changed: string[];
  /** Expected but absent. */
  missing: string[];
  /** On disk but no longer produced. */
  extra: string[];
}

export interface BuildResult {
  /** False when the spec is invalid, the generated flopack failed lint, or (with check) the output is stale. */
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Absolute package directory (`<outDir>/<name>`); undefined when the spec did not validate. */
  packageDir?: string;
  /** Every artifact, written (or, with check, expected), sorted by path. */
  files: WrittenFile[];
  flows: Array<{ kind: FlowKind; name: string; cards: number }>;
  /** Set with check: what differs from disk. */
  stale?: StaleReport;
  /** Files a previous build wrote that this one no longer produces and removed. */
  removed: string[];
}
