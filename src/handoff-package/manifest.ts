import { createHash } from 'node:crypto';
import { isWritten, type Artifact, type Content, type InMemory } from './types.js';
import type { ToolInfo } from '../util/tool-info.js';

export const MANIFEST_PATH = 'manifest.json';

export interface Manifest {
  tool: ToolInfo;
  connector: { name: string; version: string };
  spec: { path: string; sha256: string };
  /** Every other file of the package except the zip (which contains this manifest), sorted by path. */
  artifacts: Array<{ path: string; sha256: string; bytes: number }>;
}

export function sha256(content: Content): string {
  if (isWritten(content)) return content.sha256;
  const hash = createHash('sha256');
  if (typeof content === 'string' || Buffer.isBuffer(content)) hash.update(content);
  else for (const part of content) hash.update(part);
  return hash.digest('hex');
}

export function byteLength(content: Content): number {
  if (isWritten(content)) return content.size;
  if (typeof content === 'string') return Buffer.byteLength(content, 'utf8');
  if (Buffer.isBuffer(content)) return content.length;
  let total = 0;
  for (const part of content) total += part.length;
  return total;
}

/** The content as buffers, without copying: text encoded once, a buffer as itself, pieces as they are. */
export function contentParts(content: InMemory): readonly Buffer[] {
  if (typeof content === 'string') return [Buffer.from(content, 'utf8')];
  return Buffer.isBuffer(content) ? [content] : content;
}

/**
 * The pieces for a stream: small ones (a flopack's keys and brackets) joined into runs of about `min` bytes, large
 * ones passed on as they are, uncopied. A stream then gets a few thousand writes instead of many more tiny ones.
 */
export function* contentRuns(content: InMemory, min = 16 * 1024): Generator<Buffer> {
  let run: Buffer[] = [];
  let size = 0;
  const joined = () => (run.length === 1 ? run[0]! : Buffer.concat(run, size));
  for (const part of contentParts(content)) {
    if (part.length >= min) {
      if (run.length > 0) yield joined();
      run = [];
      size = 0;
      yield part;
      continue;
    }
    run.push(part);
    size += part.length;
    if (size < min) continue;
    yield joined();
    run = [];
    size = 0;
  }
  if (run.length > 0) yield joined();
}
/** manifest.json: no timestamps, so the same spec gives the same bytes. */
export function buildManifest(
  tool: ToolInfo,
  connector: { name: string; version: string },
  spec: { path: string; content: string | Buffer },
  artifacts: readonly Artifact[],
): Artifact {
  const manifest: Manifest = {
    tool: { name: tool.name, version: tool.version },
    connector: { name: connector.name, version: connector.version },
    spec: { path: spec.path, sha256: sha256(spec.content) },
    artifacts: [...artifacts]
      .sort((a, b) => compareStrings(a.path, b.path))
      .map((a) => ({ path: a.path, sha256: sha256(a.content), bytes: byteLength(a.content) })),
  };
  return { path: MANIFEST_PATH, content: JSON.stringify(manifest, null, 2) + '\n' };
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
