import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { AUTHPING_FLOW_NAME, CUSTOM_API_ACTION_NAME, HTTP_HELPER_FLOW_NAME, REVOKE_FLOW_NAME } from '../connector/contract.js';
import { DiagnosticsError, UsageError } from '../errors.js';
import type { Flopack } from '../flopack/types.js';
import { loadSourceFile, type SourceDocument } from '../source/document.js';
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
    throw new UsageError(`${path}: no such file or folder (give a connector.yaml, a build output folder or a .flopack)`);
  }
  if (isDir) return loadFolder(full, cwd);
  const doc = await loadSourceFile(full, shown);
  if (isFlopack(doc.data)) return fromFlopack(doc, 'flopack');
  if (typeof doc.data === 'object' && doc.data !== null && 'specVersion' in doc.data) return fromSpecFile(full, shown);
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
    throw new UsageError(`${displayPath(dir, cwd)} holds several flopacks (${flopacks.join(', ')}); give one of them`);
  }
  const file = join(dir, flopacks[0] as string);
  const target = fromFlopack(await loadSourceFile(file, displayPath(file, cwd)), 'dist');
  // A build folder that carries its spec: the spec gives the base URL and the connection's required fields,
  // but the flows that run are the artifact's.
  if (specFile) {
    const specDoc = await loadSourceFile(join(dir, specFile), displayPath(join(dir, specFile), cwd));
    if (typeof specDoc.data === 'object' && specDoc.data !== null && 'specVersion' in specDoc.data) {
      target.spec = specDoc.data as ConnectorSpec;
    }
  }
  return target;
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
      ...(f.action !== undefined ? { action: f.action } : {}),
    })),
  };
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
