import type { Flopack } from '../flopack/types.js';
import type { ConnectorSpec } from '../spec/types.js';
import { buildDocsModel } from './docs-model.js';
import { buildManifest, compareStrings } from './manifest.js';
import { buildSheetModel } from './sheet-model.js';
import { renderTemplate, trustedMarkup } from './templates.js';
import type { ToolInfo } from '../util/tool-info.js';
import type { Artifact, FlowKind, GeneratedFlow } from './types.js';
import { zipArtifacts } from './zip.js';
import type { TestPackage } from './test-package.js';
import { TESTING_MD } from './testing-doc.js';

export interface PackageInput {
  spec: ConnectorSpec;
  /** The spec file: path relative to the package directory (posix) and its bytes, for the manifest. */
  specFile: { path: string; content: string | Buffer };
  flopack: Flopack;
  /** `flopack` serialized exactly as it is written (UTF-8). */
  flopackBytes: Buffer;
  flows: readonly GeneratedFlow[];
  tool: ToolInfo;
  zip: boolean;
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

export interface RenderedPackage {
  /** Every file, in path order (the zip, when wanted, last). */
  files: Artifact[];
  flows: Array<{ kind: FlowKind; name: string; cards: number }>;
}

/** Every file of the hand-off package. Pure apart from reading the templates. */
export async function renderPackage(input: PackageInput): Promise<RenderedPackage> {
  const { spec, flopack, flows, tool } = input;
  const files: Artifact[] = [{ path: flopackFileName(spec), content: input.flopackBytes }];

  const sheet = buildSheetModel(spec, flopack, flows);
  const common = { tool, accent: accentColor(spec.brandColor), flopackFile: flopackFileName(spec) };
  const sheetView = {
    ...sheet,
    ...common,
    flows: sheet.flows.map((f) => ({ ...f, mermaid: trustedMarkup(f.mermaid), svg: trustedMarkup(f.svg) })),
  };
  files.push({ path: BUILD_SHEET_MD, content: renderTemplate('build-sheet.md', sheetView) });
  files.push({ path: BUILD_SHEET_HTML, content: renderTemplate('build-sheet.html', sheetView) });

  const docs = buildDocsModel(spec, flopack, flows);
  const docsView = { ...docs, ...common };
  files.push({ path: 'docs/index.md', content: renderTemplate('docs-index.md', docsView) });
  files.push({ path: 'docs/authorization.md', content: renderTemplate('docs-authorization.md', docsView) });
  for (const action of docs.actions) {
    files.push({
      path: `docs/actions/${action.slug}.md`,
      content: renderTemplate('docs-action.md', { ...docsView, action }),
    });
  }
  files.push({ path: 'docs/index.html', content: renderTemplate('docs.html', docsView) });

  if (input.tests) {
    files.push({ path: input.tests.folderFile, content: input.tests.folderBytes });
    files.push({ path: TESTING_MD, content: renderTemplate('testing.md', input.tests.testing) });
  }

  // Encode each text once: hashing, zipping and writing then share the same bytes (the flopack can be ~90 MB).
  for (const file of files)
    if (typeof file.content === 'string') file.content = Buffer.from(file.content, 'utf8');
  files.sort((a, b) => compareStrings(a.path, b.path));
  const manifest = buildManifest(tool, { name: spec.name, version: spec.version }, input.specFile, files);
  const all = [...files, manifest].sort((a, b) => compareStrings(a.path, b.path));
  if (input.zip) {
    all.push({ path: zipFileName(spec), content: await zipArtifacts(all, spec.name) });
    all.sort((a, b) => compareStrings(a.path, b.path));
  }
  return { files: all, flows: sheet.flows.map((f) => ({ kind: f.kind, name: f.name, cards: f.cardCount })) };
}
