import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { flowKindOfName, type FlowKind } from '../connector/flow-kinds.js';
import type { GeneratedFlow } from '../generate/index.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { DiagnosticsError, UsageError } from '../errors.js';
import type { Flopack } from '../flopack/types.js';
import { lintFlopack } from '../lint/index.js';
import {
  jsonNestingExceeds,
  loadSourceFile,
  MAX_SOURCE_BYTES,
  parseSource,
  type SourceDocument,
} from '../source/document.js';
import type { ConnectorSpec } from '../spec/types.js';

/** What a flow of a target is: a connector's kind of flow, or just a flow of an export. */
export type TargetFlowKind = FlowKind | 'flow';

/**
 * A flow that can run. For a spec built in memory it is the generator's own record (`action` is the spec action
 * it came from); for a flopack file it is what the file says.
 */
export interface TargetFlow extends Omit<GeneratedFlow, 'kind'> {
  kind: TargetFlowKind;
}

/** The name a person selects a flow by: the spec action's name, else the flow's. */
export function flowLabel(flow: Pick<TargetFlow, 'name' | 'action'> & { kind?: TargetFlowKind }): string {
  // Page and dynamic-dropdown helper flows carry their action (for the build sheet) but go by their own names.
  return flow.kind === 'page' || flow.kind === 'values' ? flow.name : (flow.action?.name ?? flow.name);
}

/** What `simulate` and `test` run: a flopack (built in memory from a spec, or read from a file) and its flows. */
export interface Target {
  kind: 'spec' | 'dist' | 'flopack';
  /** The path as the user should see it. */
  file: string;
  flopack: Flopack;
  /** Present for specs, and for dist folders that carry their spec. */
  spec?: ConnectorSpec;
  /** The spec's folder, where its relative paths (`mock.openapi`) start. */
  specDir?: string;
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
  // A file named like an export is read as one even when damaged, so lint's findings say what is wrong with it.
  if (isFlopack(doc.data) || /\.(flopack|flow|folder)$/i.test(full)) return fromFlopack(doc, 'flopack');
  if (typeof doc.data === 'object' && doc.data !== null && 'specVersion' in doc.data)
    return fromSpecDocument(doc, full);
  throw new UsageError(
    `${shown} is neither a connector spec (specVersion: 1) nor a flopack export ("type": "flopack")`,
  );
}

async function loadFolder(dir: string, cwd: string): Promise<Target> {
  const entries = await readdir(dir);
  const flopacks = entries.filter((e) => ['.flopack', '.folder', '.flow'].includes(extname(e))).sort();
  const specFile = ['connector.yaml', 'connector.yml', 'connector.json'].find((n) => entries.includes(n));
  if (flopacks.length === 0) {
    if (specFile) {
      const full = join(dir, specFile);
      return fromSpecDocument(await loadDocument(full, displayPath(full, cwd)), full);
    }
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
  if (specPath) {
    const spec = await readSpecQuietly(specPath);
    if (spec) Object.assign(target, { spec, specDir: dirname(specPath) });
  }
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

/** A spec already read (parsed once): validated, then built in memory. */
async function fromSpecDocument(doc: SourceDocument, full: string): Promise<Target> {
  const { validateSpec } = await import('../spec/validate.js');
  const diagnostics = validateSpec(doc, dirname(full));
  if (hasErrors(diagnostics)) throw new DiagnosticsError(diagnostics);
  return { ...(await fromSpec(doc.data as ConnectorSpec, doc.file)), specDir: dirname(full) };
}

/** Builds a spec in memory, as `build` would, and wraps the result. */
export async function fromSpec(spec: ConnectorSpec, file: string): Promise<Target> {
  const { generateConnector } = await import('../generate/index.js');
  const { flopack, flows } = generateConnector(spec);
  return {
    kind: 'spec',
    file,
    flopack,
    spec,
    generated: true,
    flows,
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
  if (jsonNestingExceeds(text)) return loadSourceFile(file, shown);
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
  refuseWhatLintRejects(doc);
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
    kind: flowKindOfName(flo.name),
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
    flows: flows.map((f): TargetFlow => ({ ...f, kind: generated ? (f.kind ?? 'action') : 'flow' })),
  };
}

/**
 * A flopack that `lint` rejects with errors is refused with those findings before anything runs: the simulator may
 * then trust the shape (ids are strings, every card has an address) instead of crashing on it.
 */
function refuseWhatLintRejects(doc: SourceDocument): void {
  const errors = lintFlopack(doc.data, { doc }).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new DiagnosticsError(errors);
}

function isFlopack(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'flopack';
}

function displayPath(full: string, cwd: string, given?: string): string {
  const rel = relative(cwd, full);
  if (!rel) return given ?? basename(full);
  return rel.startsWith('..') ? full : rel;
}
