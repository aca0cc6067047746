import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { DiagnosticsError, UserError } from '../errors.js';
import type { Flo, Flopack } from '../flopack/types.js';
import { lintFlopack } from '../lint/index.js';
import { loadFlopackFile } from '../lint/load.js';
import { flowAlias } from './alias.js';

/** An API Endpoint flow found in a folder export, with the flopack it runs in (for Call Flow targets). */
export interface ServedFlow {
  flopack: Flopack;
  flo: Flo;
  alias: string;
  source: string;
}

const EXPORT_FILE = /\.(folder|flow|flopack|json)$/i;
const API_ENDPOINT = 'root:kernel:http:0.0.1:accept';

/** Loads folder exports (files, or folders of them) and picks their API Endpoint flows; lint errors refuse. */
export async function loadServedFlows(paths: readonly string[], cwd: string): Promise<ServedFlow[]> {
  const files: string[] = [];
  for (const p of paths) files.push(...(await exportFiles(resolve(cwd, p), p)));
  const served: ServedFlow[] = [];
  for (const file of files) {
    const loaded = await loadFlopackFile(file, file);
    if ('diagnostics' in loaded) throw new DiagnosticsError(loaded.diagnostics);
    const diagnostics = lintFlopack(loaded.doc.data, { doc: loaded.doc, file });
    if (hasErrors(diagnostics)) throw new DiagnosticsError(diagnostics.filter((d) => d.severity === 'error'));
    const flopack = loaded.doc.data as Flopack;
    for (const flo of Object.values(flopack.data.flos)) {
      if (flo.data.methods.some((c) => c.address === API_ENDPOINT))
        served.push({ flopack, flo, alias: flowAlias(flo.id), source: file });
    }
  }
  if (served.length === 0)
    throw new UserError(
      `no API Endpoint flow in ${paths.join(', ')}; hook serve runs flows that start with one`,
    );
  const seen = new Map<string, string>();
  for (const s of served) {
    const other = seen.get(s.alias);
    if (other) throw new UserError(`flow "${s.flo.name}" in ${s.source} is also in ${other} (same flow id)`);
    seen.set(s.alias, s.source);
  }
  return served;
}

async function exportFiles(path: string, shown: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UserError(`${shown} does not exist`);
  }
  if (info.isFile()) return [path];
  const names = (await readdir(path)).filter((n) => EXPORT_FILE.test(n)).sort();
  if (names.length === 0) throw new UserError(`${shown} holds no .folder, .flow or .flopack file`);
  return names.map((n) => join(path, n));
}

/**
 * Connection values for a flopack's connection placeholders (`configs`, data always null in exports), keyed by
 * config id as the simulator wants them; `values` is keyed by config name (case-insensitive) or module.
 */
export function connectionsFor(
  flopack: Flopack,
  values: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const lower = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  const out: Record<string, Record<string, unknown>> = {};
  for (const config of Object.values(flopack.data.configs ?? {})) {
    const v = lower.get(config.name.toLowerCase()) ?? lower.get(config.module.toLowerCase());
    if (v) out[config.id] = v;
  }
  return out;
}
