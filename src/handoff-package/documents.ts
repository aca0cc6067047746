import type { Flo } from '../flopack/types.js';
import type { ConnectorSpec } from '../spec/types.js';
import type { ToolInfo } from '../util/tool-info.js';
import { ActionDocs, isDocumented, returnErrorIfMessages, type ActionDoc } from './docs-model.js';
import type { FlowNames } from './field-sources.js';
import { flowSheet, sectionAnchor, sheetModel, type FlowSheet, type SheetModel } from './sheet-model.js';
import { renderTemplateBytes, renderTemplateParts as render, trustedMarkup } from './templates.js';
import type { Artifact, FlowKind, GeneratedFlow } from './types.js';
import type { StagedFile, StagedFiles, StagedResult, StagedStream } from './staged-files.js';

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
  /** The two build sheets, made on the first flow's arrival (a worker thread's writer only renders). */
  private sheets: { md: SheetFile; html: SheetFile } | undefined;
  private readonly summaries: FlowSummary[] = [];
  private readonly docs: ActionDocs;
  /** What every docs page shows besides its action (the connector, the common parts), made once. */
  private readonly pageView: object;
  /** By flow index, for the documented flows: their help topics and pages. */
  private readonly topics: ActionDoc[] = [];
  private readonly pages: Array<PendingFile> = [];

  constructor(
    private readonly spec: ConnectorSpec,
    private readonly flows: readonly GeneratedFlow[],
    private readonly common: DocumentCommon,
    /**
     * Where the documents are written ahead of the package: the build sheets as their sections come, each docs
     * page when it is made. Without it, they wait for the package.
     */
    private readonly ahead?: StagedFiles,
  ) {
    this.names = new Map(flows.map((f) => [f.floId, f.name] as const));
    this.docs = new ActionDocs(spec, flows);
    this.pageView = { ...this.docs.context, ...this.common };
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
    this.sheets ??= this.sheetFiles();
    this.sheets.md.set(index, documents.md);
    this.sheets.html.set(index, documents.html);
    this.summaries[index] = documents.summary;
    const flow = this.flows[index]!;
    if (isDocumented(flow)) this.page(index, flow, documents.checks ?? []);
  }

  /**
   * A documented flow's help topic, rendered as soon as the flow is: when the build writes the package, the page
   * is staged then, while the flows are built (creating ~1,000 small files at the end took ~0.2 s).
   */
  private page(index: number, flow: GeneratedFlow, checks: string[]): void {
    const action = this.docs.of(flow, checks);
    // A page is most often one piece: not copied again (staging copies it once more anyway).
    const content = renderTemplateBytes('docs-action.md', { ...this.pageView, action });
    const path = `docs/actions/${action.slug}.md`;
    this.topics[index] = action;
    // Written ahead, a page is not kept here.
    this.pages[index] = this.ahead ? { path, staged: this.ahead.stage(content) } : { path, content };
  }

  /**
   * Every document, once every flow has arrived. Written ahead, once the staging worker has written them: each
   * then comes as written, with its zip entry.
   */
  async finish(): Promise<RenderedDocuments> {
    const missing = this.flows.findIndex((_, i) => !this.summaries[i]);
    if (missing >= 0)
      throw new Error(`the documents are missing flow ${missing} (${this.flows[missing]!.name})`);
    const { md, html } = (this.sheets ??= this.sheetFiles());
    // Sparse by flow index: filter keeps the documented flows, in flow order.
    const docs = { ...this.docs.context, actions: this.topics.filter(Boolean), ...this.common };
    const pending: PendingFile[] = [
      md.end(BUILD_SHEET_MD),
      html.end(BUILD_SHEET_HTML),
      { path: 'docs/index.md', content: render('docs-index.md', docs) },
      { path: 'docs/authorization.md', content: render('docs-authorization.md', docs) },
      ...this.pages.filter(Boolean),
      { path: 'docs/index.html', content: render('docs.html', docs) },
    ];
    const written = this.ahead ? await this.ahead.settled() : [];
    return { files: pending.map((file) => artifactOf(file, written)), flows: this.summaries };
  }

  /** The build sheets' heads (the table of contents needs only the flows' names) and tails, before any section. */
  private sheetFiles(): { md: SheetFile; html: SheetFile } {
    const view = { ...sheetModel(this.spec, []), flows: this.flows.map(tocEntry), ...this.common };
    return {
      md: SheetFile.of('md', view, this.ahead?.open()),
      html: SheetFile.of('html', view, this.ahead?.open()),
    };
  }
}

/**
 * One build sheet: its head, the flows' sections in plan order, its tail. Ahead of the package, the sections go to
 * a staged file a batch at a time, as soon as those before them have come.
 */
class SheetFile {
  /** The flows' sections by index: written ahead, only those waiting for an earlier one. */
  private readonly sections: Buffer[][] = [];
  /** The first flow whose section has not gone ahead, and the sections waiting for the next batch. */
  private next = 0;
  private batch: Buffer[] = [];
  private batchBytes = 0;

  private constructor(
    private readonly head: Buffer[],
    private readonly tail: Buffer[],
    private readonly stream: StagedStream | undefined,
  ) {
    if (stream) this.send(head);
  }

  /** The `kind` sheet of `view` (its head with the table of contents, and its tail: templates/handoff/build-sheet*). */
  static of(kind: 'md' | 'html', view: object, stream?: StagedStream): SheetFile {
    return new SheetFile(
      render(`build-sheet.${kind}`, view),
      render(`build-sheet-tail.${kind}`, view),
      stream,
    );
  }

  set(index: number, section: Buffer[]): void {
    this.sections[index] = section;
    if (!this.stream) return;
    for (let parts = this.sections[this.next]; parts; parts = this.sections[++this.next]) {
      for (const part of parts) this.batchBytes += part.length;
      this.batch.push(...parts);
      // Gone ahead: not kept (a 1,000-action connector's sections are ~24 MB).
      delete this.sections[this.next];
    }
    if (this.batchBytes >= AHEAD_BATCH) this.flush();
  }

  /** The whole sheet, after the last section: its bytes, or the staged file it went to. */
  end(path: string): PendingFile {
    const { stream } = this;
    if (!stream) return { path, content: this.content() };
    this.flush();
    this.send(this.tail);
    stream.end();
    return { path, staged: stream };
  }

  /** The whole sheet's bytes, when it is not written ahead. */
  content(): Buffer[] {
    if (this.stream) throw new Error('a build sheet written ahead is not kept');
    return [...this.head, ...this.sections.flat(), ...this.tail];
  }

  private flush(): void {
    this.send(this.batch);
    this.batch = [];
    this.batchBytes = 0;
  }

  private send(parts: readonly Buffer[]): void {
    if (parts.length === 0) return;
    this.stream!.write(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
  }
}

/** A document once made: its bytes, or the staged file they went to. */
type PendingFile = { path: string; content: Buffer[] | Buffer } | { path: string; staged: StagedFile };

/** The package's artifact of `file`: a staged file comes as written (`written`, by staged file id), with its zip entry. */
function artifactOf(file: PendingFile, written: readonly StagedResult[]): Artifact {
  if (!('staged' in file)) return file;
  const result = written[file.staged.id];
  if (!result) throw new Error(`the staging worker did not write ${file.path}`);
  return {
    path: file.path,
    content: result.content,
    ...(result.deflated ? { deflated: result.deflated } : {}),
  };
}

/** Bytes of sections per message to the staging worker. */
const AHEAD_BATCH = 128 * 1024;

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
  const file = SheetFile.of(kind, { ...sheet, ...common });
  sheet.flows.forEach((flow, index) =>
    file.set(index, render(`build-sheet-flow.${kind}`, sectionView(flow))),
  );
  return Buffer.concat(file.content());
}
