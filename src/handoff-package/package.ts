import type { Flopack } from '../flopack/types.js';
import type { ConnectorSpec } from '../spec/types.js';
import { buildDocsModel, type DocsModel } from './docs-model.js';
import { buildManifest, compareStrings } from './manifest.js';
import { buildSheetModel, type SheetModel } from './sheet-model.js';
import { renderTemplateParts as render, trustedMarkup } from './templates.js';
import type { ToolInfo } from '../util/tool-info.js';
import type { Artifact, Content, FlowKind, GeneratedFlow } from './types.js';
import { deflateEntry, zipArtifacts } from './zip.js';
import type { TestPackage } from './test-package.js';
import { TESTING_MD } from './testing-doc.js';

export interface PackageInput {
  spec: ConnectorSpec;
  /** The spec file: path relative to the package directory (posix) and its bytes, for the manifest. */
  specFile: { path: string; content: string | Buffer };
  /** The flopack serialized exactly as it is written (UTF-8), whole or in pieces. */
  flopackBytes: Content;
  /** What the build sheets and docs show (documentModels). */
  models: DocumentModels;
  tool: ToolInfo;
  zip: boolean;
  /** The flopack's zip entry, when its compression was started earlier (zip.ts deflateEntry). */
  flopackDeflated?: Promise<Buffer>;
  /** The submission's test flows and TESTING.md, when the connector has scenarios. */
  tests?: TestPackage;
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

/** What the build sheets and docs show, derived from the generated flopack (which they no longer need). */
export interface DocumentModels {
  sheet: SheetModel;
  docs: DocsModel;
}

export function documentModels(
  spec: ConnectorSpec,
  flopack: Flopack,
  flows: readonly GeneratedFlow[],
): DocumentModels {
  return { sheet: buildSheetModel(spec, flopack, flows), docs: buildDocsModel(spec, flopack, flows) };
}

export interface RenderedPackage {
  /** Every file, in path order (the zip, when wanted, last). */
  files: Artifact[];
  flows: Array<{ kind: FlowKind; name: string; cards: number }>;
}

/** Every file of the hand-off package. Pure apart from reading the templates. */
export async function renderPackage(input: PackageInput): Promise<RenderedPackage> {
  const { spec, tool } = input;
  const { sheet, docs } = input.models;
  const files: Artifact[] = [];
  // Each text is encoded once, as soon as it is rendered: hashing, zipping and writing then share the same bytes,
  // and its compression for the zip starts on the thread pool while the next file renders.
  const deflated = new Map<string, Promise<Buffer>>();
  const add = (path: string, content: Content, compressed?: Promise<Buffer>) => {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    files.push({ path, content: bytes });
    if (input.zip) deflated.set(path, compressed ?? deflateEntry(bytes));
  };
  add(flopackFileName(spec), input.flopackBytes, input.flopackDeflated);

  const common = { tool, accent: accentColor(spec.brandColor), flopackFile: flopackFileName(spec) };
  const sheetView = {
    ...sheet,
    ...common,
    flows: sheet.flows.map((f) => ({ ...f, mermaid: trustedMarkup(f.mermaid), svg: trustedMarkup(f.svg) })),
  };
  add(BUILD_SHEET_MD, render('build-sheet.md', sheetView));
  add(BUILD_SHEET_HTML, render('build-sheet.html', sheetView));

  const docsView = { ...docs, ...common };
  add('docs/index.md', render('docs-index.md', docsView));
  add('docs/authorization.md', render('docs-authorization.md', docsView));
  for (const action of docs.actions)
    add(`docs/actions/${action.slug}.md`, render('docs-action.md', { ...docsView, action }));
  add('docs/index.html', render('docs.html', docsView));

  if (input.tests) {
    add(input.tests.folderFile, input.tests.folderBytes);
    add(TESTING_MD, render('testing.md', input.tests.testing));
  }

  files.sort((a, b) => compareStrings(a.path, b.path));
  const manifest = buildManifest(tool, { name: spec.name, version: spec.version }, input.specFile, files);
  const all = [...files, manifest].sort((a, b) => compareStrings(a.path, b.path));
  if (input.zip) {
    all.push({ path: zipFileName(spec), content: await zipArtifacts(all, spec.name, deflated) });
    all.sort((a, b) => compareStrings(a.path, b.path));
  }
  return { files: all, flows: sheet.flows.map((f) => ({ kind: f.kind, name: f.name, cards: f.cardCount })) };
}
