import type { Flo } from '../flopack/types.js';
import type { ConnectorSpec } from '../spec/types.js';
import type { ToolInfo } from '../util/tool-info.js';
import { docsModel, isDocumented, returnErrorIfMessages } from './docs-model.js';
import type { FlowNames } from './field-sources.js';
import { flowSheet, sectionAnchor, sheetModel, type FlowSheet, type SheetModel } from './sheet-model.js';
import { renderTemplateParts as render, trustedMarkup } from './templates.js';
import type { Artifact, FlowKind, GeneratedFlow } from './types.js';

export const BUILD_SHEET_MD = 'BUILD.md';
export const BUILD_SHEET_HTML = 'build.html';

/** What every document shows besides its own model. */
export interface DocumentCommon {
  tool: ToolInfo;
  /** The page accent: a plain #RRGGBB from the spec, or Okta blue. */
  accent: string;
  flopackFile: string;
}

export interface FlowSummary {
  kind: FlowKind;
  name: string;
  cards: number;
}

export interface RenderedDocuments {
  /** BUILD.md, build.html and docs/…, in no particular order. */
  files: Artifact[];
  flows: FlowSummary[];
}

/** What the documents need of one flow: its sections of the two build sheets, its summary, its docs' checks. */
export interface FlowDocuments {
  md: Buffer[];
  html: Buffer[];
  summary: FlowSummary;
  /** For a documented flow (docs-model.ts isDocumented): the messages of its Return Error If cards. */
  checks?: string[];
}

/**
 * The build sheets and the docs, flow by flow: when a flow arrives its sections of BUILD.md and build.html are
 * rendered and encoded, and only those bytes and a few facts are kept (the sheet model of a 1,000-action connector
 * was ~45 MB of heap). Each sheet is its head (with the table of contents, which needs only the flows' names), the
 * flows' sections in order, and its tail: three templates (templates/handoff/build-sheet*.hbs).
 */
export class DocumentWriter {
  private readonly names: FlowNames;
  private readonly md: Buffer[][] = [];
  private readonly html: Buffer[][] = [];
  private readonly summaries: FlowSummary[] = [];
  private readonly checks = new Map<string, string[]>();

  constructor(
    private readonly spec: ConnectorSpec,
    private readonly flows: readonly GeneratedFlow[],
    private readonly common: DocumentCommon,
  ) {
    this.names = new Map(flows.map((f) => [f.floId, f.name] as const));
  }

  /** The `index`th flow of the plan (0-based), as built or as parsed back from its bytes, in any order. */
  flow(index: number, flo: Flo): void {
    this.add(index, this.render(index, flo));
  }

  /** The documents of the `index`th flow, without keeping them (another thread's writer `add`s them). */
  render(index: number, flo: Flo): FlowDocuments {
    const flow = this.flows[index];
    if (!flow || flow.floId !== flo.id) throw new Error(`flow ${index} (${flo.id}) is not the plan's flow`);
    const sheet = flowSheet(flow, index, flo, this.spec, this.names);
    const view = sectionView(sheet);
    return {
      md: render('build-sheet-flow.md', view),
      html: render('build-sheet-flow.html', view),
      summary: { kind: sheet.kind, name: sheet.name, cards: sheet.cardCount },
      ...(isDocumented(flow) ? { checks: returnErrorIfMessages(flo) } : {}),
    };
  }

  /** Keeps the documents of the `index`th flow, rendered here or by another thread's writer of the same plan. */
  add(index: number, documents: FlowDocuments): void {
    this.md[index] = documents.md;
    this.html[index] = documents.html;
    this.summaries[index] = documents.summary;
    if (documents.checks) this.checks.set(this.flows[index]!.floId, documents.checks);
  }

  /** Every document, once every flow has arrived. */
  finish(): RenderedDocuments {
    const missing = this.flows.findIndex((_, i) => !this.summaries[i]);
    if (missing >= 0)
      throw new Error(`the documents are missing flow ${missing} (${this.flows[missing]!.name})`);
    const sheet = { ...sheetModel(this.spec, []), flows: this.flows.map(tocEntry), ...this.common };
    const files: Artifact[] = [
      { path: BUILD_SHEET_MD, content: sheetPage('md', sheet, this.md.flat()) },
      { path: BUILD_SHEET_HTML, content: sheetPage('html', sheet, this.html.flat()) },
    ];
    const docs = { ...docsModel(this.spec, this.flows, (id) => this.checks.get(id) ?? []), ...this.common };
    files.push(
      { path: 'docs/index.md', content: render('docs-index.md', docs) },
      { path: 'docs/authorization.md', content: render('docs-authorization.md', docs) },
      ...docs.actions.map((action) => ({
        path: `docs/actions/${action.slug}.md`,
        content: render('docs-action.md', { ...docs, action }),
      })),
      { path: 'docs/index.html', content: render('docs.html', docs) },
    );
    return { files, flows: this.summaries };
  }
}

/** A build sheet: its head (with the table of contents), the flows' rendered sections in order, and its tail. */
function sheetPage(kind: 'md' | 'html', view: object, sections: readonly Buffer[]): Buffer[] {
  return [...render(`build-sheet.${kind}`, view), ...sections, ...render(`build-sheet-tail.${kind}`, view)];
}

/** The table of contents' entry of the `index`th flow: its name and its section's anchor (flowSheet's). */
function tocEntry(flow: GeneratedFlow, index: number): Pick<FlowSheet, 'anchor' | 'name'> {
  return { anchor: sectionAnchor(index), name: flow.name };
}

/** A flow's section as the templates take it: the diagrams are markup built and escaped in code. */
function sectionView(sheet: FlowSheet): object {
  return { ...sheet, mermaid: trustedMarkup(sheet.mermaid), svg: trustedMarkup(sheet.svg) };
}

/** The whole BUILD.md or build.html of a sheet model (the model of every flow at once, as tests build it). */
export function renderSheet(kind: 'md' | 'html', sheet: SheetModel, common: DocumentCommon): Buffer {
  const sections = sheet.flows.flatMap((flow) => render(`build-sheet-flow.${kind}`, sectionView(flow)));
  return Buffer.concat(sheetPage(kind, { ...sheet, ...common }, sections));
}
