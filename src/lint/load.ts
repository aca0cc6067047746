import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticsError } from '../errors.js';
import { loadSourceFile, MAX_SOURCE_BYTES, type SourceDocument } from '../source/document.js';
import { jsonSourceDocument } from './json-document.js';

/**
 * Flopacks are JSON. JSON.parse is ~50x faster than the YAML parser on a big folder export, so it is tried first;
 * anything it does not accept (YAML, syntax errors, binary, missing files) goes through loadSourceFile, which
 * reports it with a position.
 */
export async function loadFlopackFile(
  path: string,
  displayName: string,
): Promise<{ doc: SourceDocument } | { diagnostics: Diagnostic[] }> {
  const fast = await tryJson(path, displayName);
  if (fast) return { doc: fast };
  try {
    return { doc: await loadSourceFile(path, displayName) };
  } catch (error) {
    if (error instanceof DiagnosticsError) return { diagnostics: error.diagnostics };
    throw error;
  }
}

async function tryJson(path: string, displayName: string): Promise<SourceDocument | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_SOURCE_BYTES) return undefined;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
    if (!/^\uFEFF?\s*[{[]/.test(text) || text.includes('\u0000')) return undefined;
    return jsonSourceDocument(text, JSON.parse(text.replace(/^\uFEFF/, '')), displayName);
  } catch {
    return undefined;
  }
}
