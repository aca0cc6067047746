import type { Flopack } from '../flopack/types.js';
import type { ConnectorSpec } from '../spec/types.js';
import { buildDocsModel } from './docs-model.js';
import { buildManifest, compareStrings } from './manifest.js';
import { buildSheetModel } from './sheet-model.js';
import { renderTemplateBytes as render, trustedMarkup } from './templates.js';
import type { ToolInfo } from '../util/tool-info.js';
import type { Artifact, FlowKind, GeneratedFlow } from './types.js';
import { deflateEntry, zipArtifacts } from './zip.js';

export interface PackageInput {
  spec: ConnectorSpec;
  /** The spec file: path relative to the package directory (posix) and its bytes, for the manifest. */
  specFile: { path: string; content: string | Buffer };
  /** The flopack serialized exactly as it is written (UTF-8). */
  flopackBytes: Buffer;
  tool: ToolInfo;
  zip: boolean;
  /** The flopack's zip entry, when its compression was started earlier (zip.ts deflateEntry). */
  flopackDeflated?: Promise<Buffer>;
}

/** What the documents render from (spec and tool aside): the generated flopack and its flows. */
export interface DocumentsInput {
  flopack: Flopack;
  flows: readonly GeneratedFlow[];
}

export const BUILD_SHEET_MD = 'BUILD.md';
export const BUILD_SHEET_HTML = 'build.html';

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

export interface RenderedPackage {
  /** Every file, in path order (the zip, when wanted, last). */
  files: Artifact[];
  flows: Array<{ kind: FlowKind; name: string; cards: number }>;
}

/** The build sheets and docs: everything of the package rendered from templates. */
export interface RenderedDocuments {
  /** UTF-8, in the order rendered. */
  files: Array<{ path: string; content: Buffer }>;
  flows: Array<{ kind: FlowKind; name: string; cards: number }>;
}

/**
 * The build sheets and docs from the spec and its generated flopack. Pure apart from reading the templates; runs
 * on the main thread or, for large connectors, on a worker (render-worker.ts). `rendered` sees each file as soon
 * as its bytes exist.
 */
export function renderDocuments(
  input: DocumentsInput & Pick<PackageInput, 'spec' | 'tool'>,
  rendered: (file: { path: string; content: Buffer }) => void = () => {},
): RenderedDocuments {
  const { spec, flopack, flows, tool } = input;
  const files: RenderedDocuments['files'] = [];
  const add = (path: string, content: Buffer) => {
    const file = { path, content };
    files.push(file);
    rendered(file);
  };
  const sheet = buildSheetModel(spec, flopack, flows);
  const common = { tool, accent: accentColor(spec.brandColor), flopackFile: flopackFileName(spec) };
  const sheetView = {
    ...sheet,
    ...common,
    flows: sheet.flows.map((f) => ({ ...f, mermaid: trustedMarkup(f.mermaid), svg: trustedMarkup(f.svg) })),
  };
  add(BUILD_SHEET_MD, render('build-sheet.md', sheetView));
  add(BUILD_SHEET_HTML, render('build-sheet.html', sheetView));

  const docs = buildDocsModel(spec, flopack, flows);
  const docsView = { ...docs, ...common };
  add('docs/index.md', render('docs-index.md', docsView));
  add('docs/authorization.md', render('docs-authorization.md', docsView));
  for (const action of docs.actions)
    add(`docs/actions/${action.slug}.md`, render('docs-action.md', { ...docsView, action }));
  add('docs/index.html', render('docs.html', docsView));
  return { files, flows: sheet.flows.map((f) => ({ kind: f.kind, name: f.name, cards: f.cardCount })) };
}

/**
 * Every file of the hand-off package: the flopack, the documents (rendered here from `documents`, or already being
 * rendered elsewhere), manifest.json and the zip. Pure apart from reading the templates.
 */
export async function renderPackage(
  input: PackageInput,
  documents: DocumentsInput | Promise<RenderedDocuments>,
): Promise<RenderedPackage> {
  const { spec, tool } = input;
  const files: Artifact[] = [];
  // Each text is encoded once: hashing, zipping and writing then share the same bytes, and a file's compression
  // for the zip starts on the thread pool as soon as it exists (while the next one renders).
  const deflated = new Map<string, Promise<Buffer>>();
  const add = (file: { path: string; content: Buffer }, compressed?: Promise<Buffer>) => {
    files.push(file);
    if (input.zip) deflated.set(file.path, compressed ?? deflateEntry(file.content));
  };
  add({ path: flopackFileName(spec), content: input.flopackBytes }, input.flopackDeflated);
  let rendered: RenderedDocuments;
  if (documents instanceof Promise) {
    rendered = await documents;
    for (const file of rendered.files) add(file);
  } else {
    rendered = renderDocuments({ ...input, ...documents }, add);
  }

  files.sort((a, b) => compareStrings(a.path, b.path));
  const manifest = buildManifest(tool, { name: spec.name, version: spec.version }, input.specFile, files);
  const all = [...files, manifest].sort((a, b) => compareStrings(a.path, b.path));
  if (input.zip) {
    all.push({ path: zipFileName(spec), content: await zipArtifacts(all, spec.name, deflated) });
    all.sort((a, b) => compareStrings(a.path, b.path));
  }
  return { files: all, flows: rendered.flows };
}
