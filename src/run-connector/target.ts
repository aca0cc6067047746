import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import {
  AUTHPING_FLOW_NAME,
  CUSTOM_API_ACTION_NAME,
  HTTP_HELPER_FLOW_NAME,
  REVOKE_FLOW_NAME,
} from '../connector/contract.js';
import { DiagnosticsError, UsageError } from '../errors.js';
import type { Flopack } from '../flopack/types.js';
import { loadSourceFile, MAX_SOURCE_BYTES, parseSource, type SourceDocument } from '../source/document.js';
import type { ConnectorSpec } from '../spec/types.js';

export type TargetFlowKind = 'helper' | 'authping' | 'action' | 'capia' | 'revoke' | 'flow';

export interface TargetFlow {
  kind: TargetFlowKind;
  name: string;
  floId: string;
  /** For action flows: the spec action's name. */
  action?: string;
}

/** What `simulate` and `test` run: a flopack (built in memory from a spec, or read from a file) and its flows. */
export interface Target {
  kind: 'spec' | 'dist' | 'flopack';
  /** The path as the user should see it. */
  file: string;
  flopack: Flopack;
  /** Present for specs, and for dist folders that carry their spec. */
  spec?: ConnectorSpec;
  flows: TargetFlow[];
  /** Whether the flows follow the generated-connector contract (connection in `auth`, options, outputs by key). */
  generated: boolean;
}

/**
 * Loads a spec (`connector.yaml`, built in memory), a connector folder (its connector.yaml), a `build` output folder
 * (its .flopack, plus its spec copy when present) or a flopack/.folder/.flow export.
 */
export async function loadTarget(path: string, cwd: string): Promise<Target> {
  const full = resolve(cwd, path);
  const shown = displayPath(full, cwd, path);
  let isDir: boolean;
  try {
    isDir = (await stat(full)).isDirectory();
  } catch {
    throw new UsageError(
      `${path}: no such file or folder (give a connector.yaml, a build output folder or a .flopack)`,
    );
  }
  if (isDir) return loadFolder(full, cwd);
  const doc = await loadDocument(full, shown);
  if (isFlopack(doc.data)) return fromFlopack(doc, 'flopack');
  if (typeof doc.data === 'object' && doc.data !== null && 'specVersion' in doc.data)
    return fromSpecFile(full, shown);
  throw new UsageError(
    `${shown} is neither a connector spec (specVersion: 1) nor a flopack export ("type": "flopack")`,
  );
}

async function loadFolder(dir: string, cwd: string): Promise<Target> {
  const entries = await readdir(dir);
  const flopacks = entries.filter((e) => ['.flopack', '.folder', '.flow'].includes(extname(e))).sort();
  const specFile = ['connector.yaml', 'connector.yml', 'connector.json'].find((n) => entries.includes(n));
  if (flopacks.length === 0) {
    if (specFile) return fromSpecFile(join(dir, specFile), displayPath(join(dir, specFile), cwd));
    throw new UsageError(
      `${displayPath(dir, cwd)} holds no .flopack and no connector.yaml; run \`okta-connector build\` first or give the spec`,
    );
  }
  if (flopacks.length > 1) {
    throw new UsageError(
      `${displayPath(dir, cwd)} holds several flopacks (${flopacks.join(', ')}); give one of them`,
    );
  }
  const file = join(dir, flopacks[0] as string);
  const target = fromFlopack(await loadDocument(file, displayPath(file, cwd)), 'dist');
  // The spec (a copy in the folder, or the one `build` recorded in manifest.json) gives the base URL and the
  // connection's required fields; the flows that run are always the artifact's.
  const specPath = specFile ? join(dir, specFile) : await manifestSpecPath(dir, entries);
  if (specPath) target.spec = await readSpecQuietly(specPath);
  return target;
}

async function manifestSpecPath(dir: string, entries: string[]): Promise<string | undefined> {
  if (!entries.includes('manifest.json')) return undefined;
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
      spec?: { path?: unknown };
    };
    return typeof manifest.spec?.path === 'string' ? resolve(dir, manifest.spec.path) : undefined;
  } catch {
    return undefined;
  }
}

/** The spec as data, or undefined when it is gone or unreadable: a build folder still runs without it. */
async function readSpecQuietly(path: string): Promise<ConnectorSpec | undefined> {
  try {
    const doc = await loadSourceFile(path);
    const data = doc.data;
    return typeof data === 'object' && data !== null && 'specVersion' in data
      ? (data as ConnectorSpec)
      : undefined;
  } catch {
    return undefined;
  }
}

async function fromSpecFile(full: string, shown: string): Promise<Target> {
  const { loadValidSpec } = await import('../spec/validate.js');
  const { spec } = await loadValidSpec(full, shown);
  return fromSpec(spec, shown);
}

/** Builds a spec in memory, as `build` would, and wraps the result. */
export async function fromSpec(spec: ConnectorSpec, file: string): Promise<Target> {
  const { generateConnector } = await import('../build/generate.js');
  const { flopack, flows } = generateConnector(spec);
  return {
    kind: 'spec',
    file,
    flopack,
    spec,
    generated: true,
    flows: flows.map((f) => ({
      kind: f.kind,
      name: f.name,
      floId: f.floId,
      ...(f.action !== undefined ? { action: f.action.name } : {}),
    })),
  };
}

/**
 * JSON files (flopacks are ~1 MB) parse with JSON.parse, many times faster than the positional YAML parser; the
 * positional parse runs only when a diagnostic needs a line and column, or when the text is not plain JSON.
 */
async function loadDocument(file: string, shown: string): Promise<SourceDocument> {
  if (!/\.(flopack|flow|folder|json)$/i.test(file)) return loadSourceFile(file, shown);
  let text: string;
  try {
    if ((await stat(file)).size > MAX_SOURCE_BYTES) return loadSourceFile(file, shown);
    text = await readFile(file, 'utf8');
  } catch {
    return loadSourceFile(file, shown);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return loadSourceFile(file, shown);
  }
  let positional: SourceDocument | undefined;
  const slow = () => (positional ??= parseSource(text, shown));
  return { file: shown, text, data, locate: (p) => slow().locate(p), at: (p, d) => slow().at(p, d) };
}

function fromFlopack(doc: SourceDocument, kind: 'dist' | 'flopack'): Target {
  const flopack = doc.data as Flopack;
  if (typeof flopack.data?.flos !== 'object' || flopack.data.flos === null) {
    throw new DiagnosticsError([
      doc.at('/data/flos', {
        severity: 'error',
        code: 'OC-FLOPACK-SHAPE',
        message: 'a flopack needs data.flos: an object of flows keyed by their id',
      }),
    ]);
  }
  const flows = Object.values(flopack.data.flos).map((flo) => ({
    kind: flowKind(flo.name),
    name: flo.name,
    floId: flo.id,
  }));
  // A flopack is treated as a generated connector when it has the contract's helper and authping flows.
  const generated = flows.some((f) => f.kind === 'helper') && flows.some((f) => f.kind === 'authping');
  return {
    kind,
    file: doc.file,
    flopack,
    generated,
    flows: generated
      ? flows.map((f) => (f.kind === 'flow' ? { ...f, kind: 'action', action: f.name } : f))
      : flows.map((f) => ({ ...f, kind: 'flow' })),
  };
}

function flowKind(name: string): TargetFlowKind {
  if (name === HTTP_HELPER_FLOW_NAME) return 'helper';
  if (name === AUTHPING_FLOW_NAME) return 'authping';
  if (name === REVOKE_FLOW_NAME) return 'revoke';
  if (name === CUSTOM_API_ACTION_NAME) return 'capia';
  return 'flow';
}

function isFlopack(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'flopack';
}

function displayPath(full: string, cwd: string, given?: string): string {
  const rel = relative(cwd, full);
  if (!rel) return given ?? basename(full);
  return rel.startsWith('..') ? full : rel;
}
