import { createHash } from 'node:crypto';
import type { Artifact } from './types.js';
import type { ToolInfo } from '../util/tool-info.js';

export const MANIFEST_PATH = 'manifest.json';

export interface Manifest {
  tool: ToolInfo;
  connector: { name: string; version: string };
  spec: { path: string; sha256: string };
  /** Every other file of the package except the zip (which contains this manifest), sorted by path. */
  artifacts: Array<{ path: string; sha256: string; bytes: number }>;
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function byteLength(content: string | Buffer): number {
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length;
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
