import type { ConnectorSpec } from '../spec/types.js';
import type { DocumentCommon, FlowSummary, RenderedDocuments } from './documents.js';
import { buildManifest, compareStrings } from './manifest.js';
import { renderTemplateParts } from './templates.js';
import type { ToolInfo } from '../util/tool-info.js';
import type { Artifact, Content } from './types.js';
import { deflateEntry, inMemory, zipArtifactParts } from './zip.js';
import type { TestPackage } from './test-package.js';
import { TESTING_MD } from './testing-doc.js';

export { BUILD_SHEET_HTML, BUILD_SHEET_MD } from './documents.js';

export interface PackageInput {
  spec: ConnectorSpec;
  /** The spec file: path relative to the package directory (posix) and its bytes, for the manifest. */
  specFile: { path: string; content: string | Buffer };
  /** The flopack serialized exactly as it is written (UTF-8), whole, in pieces, or already on disk. */
  flopackBytes: Content;
  /** The build sheets and docs (documents.ts DocumentWriter). */
  documents: RenderedDocuments;
  tool: ToolInfo;
  zip: boolean;
  /** The flopack's zip entry, when it was deflated as it was written (block-spool.ts). */
  flopackDeflated?: Buffer;
  /** The submission's test flows and TESTING.md, when the connector has scenarios. */
  tests?: TestPackage;
}

export function flopackFileName(spec: Pick<ConnectorSpec, 'name'>): string {
  return `${spec.name}.flopack`;
}

export function zipFileName(spec: Pick<ConnectorSpec, 'name' | 'version'>): string {
  return `${spec.name}-${spec.version}.zip`;
}

/** Only a plain #RRGGBB reaches the page's CSS; anything else falls back to Okta blue. */
function accentColor(color: string | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#1a56db';
}

/** What every document of `spec`'s package shows besides its own model. */
export function documentCommon(spec: ConnectorSpec, tool: ToolInfo): DocumentCommon {
  return { tool, accent: accentColor(spec.brandColor), flopackFile: flopackFileName(spec) };
}

export interface RenderedPackage {
  /** Every file, in path order (the zip, when wanted, last). */
  files: Artifact[];
  flows: FlowSummary[];
}

/** Every file of the hand-off package: the flopack, the documents, the tests, the manifest and the zip. */
export async function renderPackage(input: PackageInput): Promise<RenderedPackage> {
  const { spec, tool } = input;
  const files: Artifact[] = [];
  // Each text is encoded once: hashing, zipping and writing then share the same bytes, and its compression for the
  // zip starts on the thread pool while the next file is added.
  const deflated = new Map<string, Promise<Buffer>>();
  // A zip entry made as its file was written (Artifact.deflated) is taken as it is.
  const add = ({ path, content, deflated: made }: Artifact) => {
    const file = { path, content: typeof content === 'string' ? Buffer.from(content, 'utf8') : content };
    files.push(file);
    if (input.zip) deflated.set(path, made ? Promise.resolve(made) : deflateEntry(inMemory(file)));
  };
  add({
    path: flopackFileName(spec),
    content: input.flopackBytes,
    ...(input.flopackDeflated ? { deflated: input.flopackDeflated } : {}),
  });
  for (const file of input.documents.files) add(file);
  if (input.tests) {
    add({ path: input.tests.folderFile, content: input.tests.folderBytes });
    add({ path: TESTING_MD, content: renderTemplateParts('testing.md', input.tests.testing) });
  }

  files.sort((a, b) => compareStrings(a.path, b.path));
  const manifest = buildManifest(tool, { name: spec.name, version: spec.version }, input.specFile, files);
  const all = [...files, manifest].sort((a, b) => compareStrings(a.path, b.path));
  if (input.zip) {
    all.push({ path: zipFileName(spec), content: await zipArtifactParts(all, spec.name, deflated) });
    all.sort((a, b) => compareStrings(a.path, b.path));
  }
  return { files: all, flows: input.documents.flows };
}
