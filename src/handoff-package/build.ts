import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { generatedFlow, planConnector } from '../generate/index.js';
import { FlopackWriter } from '../flopack/serialize.js';
import { lintFlopack } from '../lint/index.js';
import { forgetReadings } from '../flopack/read/index.js';
import { validateSpecFile } from '../spec/validate.js';
import { findCredentialValues } from './credentials.js';
import { documentCommon, flopackFileName, renderPackage } from './package.js';
import { DocumentWriter, type DocumentCommon, type RenderedDocuments } from './documents.js';
import { errorsOnly, FlowChecks } from './flow-checks.js';
import { splitFlows, type BuildThreads } from './flow-split.js';
import type { ConnectorSpec } from '../spec/types.js';
import type { Flo, Flopack } from '../flopack/types.js';
import { buildTestPackage, loadBuildScenarios, type TestPackage } from './test-package.js';
import { toolInfo } from '../util/tool-info.js';
import { UserError } from '../errors.js';
import type { BuildOptions, BuildResult, Content } from './types.js';
import { FileWriter } from './written-file.js';
import { StagedFiles } from './staged-files.js';
import { comparePackage, isStale, writePackage } from './write.js';
import { byteLength } from './manifest.js';
import { spoolBlocks } from './block-spool.js';
import { collectGarbage } from '../util/collect-garbage.js';
import { lowerOtherThreadsPriority } from '../util/thread-priority.js';

/** From how many actions the documents are written as they are made, rather than at the end. */
export const WRITE_AHEAD_ACTIONS = 50;

/**
 * From this size of spec on, the CLI's build collects garbage once the spec is read (BuildOptions
 * .collectAfterLargeSpec). Measured: 3-6 MB specs peaked 30-40 MiB lower; 1.1-2.1 MB ones not at all.
 */
export const LARGE_SPEC_CHARS = 2_500_000;

export const BUILD_CODES = {
  lint: 'OC-BUILD-LINT',
  credential: 'OC-BUILD-CREDENTIAL',
  name: 'OC-BUILD-NAME',
} as const;

/**
 * validate → generate → lint → render the hand-off package → write it to `<outDir>/<name>/` (or, with `check`,
 * compare it with what is there and write nothing). Problems come back as diagnostics with `ok: false`.
 */
export async function buildConnector(specPath: string, options: BuildOptions): Promise<BuildResult> {
  const empty = { files: [], flows: [], removed: [] };
  const shownAs = options.displayName ?? specPath;
  const { spec, diagnostics, nameError, sourceChars } = await validatedSpec(specPath, shownAs);
  const warnings = [...diagnostics];
  if (!spec) return { ok: false, diagnostics: warnings, ...empty };
  if (nameError) return { ok: false, diagnostics: [...warnings, nameError], ...empty };
  // Then V8 sizes the heap from what the spec left alive (BuildOptions.collectAfterLargeSpec).
  if (options.collectAfterLargeSpec && sourceChars >= LARGE_SPEC_CHARS) collectGarbage();

  const loaded = await loadBuildScenarios(specPath, shownAs);
  warnings.push(...loaded.diagnostics);
  const packageDir = resolve(options.outDir, spec.name);
  try {
    // When the package is written, the flopack goes to disk as it is made, not held until then.
    const flopackFile = options.check ? undefined : FileWriter.for(join(packageDir, flopackFileName(spec)));
    // A large connector's documents too, as they are made (for a few files, the staging costs more than it saves).
    const writeAhead = options.writeAhead ?? spec.actions.length >= WRITE_AHEAD_ACTIONS;
    const staged =
      options.check || !writeAhead
        ? undefined
        : StagedFiles.in(packageDir, { deflate: options.zip !== false });
    try {
      const built = await buildPackage(spec, specPath, packageDir, loaded.scenarios, options, {
        flopackFile,
        staged,
      });
      return { ...built, diagnostics: [...warnings, ...built.diagnostics] };
    } finally {
      // Moved into place when the package was written; otherwise (a failed or checking build) nothing is left.
      try {
        await staged?.discard();
      } finally {
        flopackFile?.discard();
      }
    }
  } catch (error) {
    throw outputError(error, packageDir);
  }
}

/** Why the package folder cannot be written, as the file system says it (a path through a file, no permission, a full disk). */
const OUTPUT_ERRORS: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  // A file or folder that cannot be made where its parent is (in /proc, say).
  ENOENT: 'a file or folder cannot be made there',
};

/** A file-system error about the output as a user error (exit 1) naming the folder; anything else as it is. */
function outputError(error: unknown, packageDir: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = code ? OUTPUT_ERRORS[code] : undefined;
  if (!why) return error;
  return new UserError(`cannot write the package to ${packageDir}: ${why} (${code})`);
}

/** The package of a valid spec, rendered and written to `packageDir` (or, with `check`, compared with it). */
async function buildPackage(
  spec: ConnectorSpec,
  specPath: string,
  packageDir: string,
  scenarios: Parameters<typeof buildTestPackage>[2],
  options: BuildOptions,
  ahead: { flopackFile?: FileWriter; staged?: StagedFiles },
): Promise<BuildResult> {
  const empty = { files: [], flows: [], removed: [] };
  const tool = toolInfo();
  const flopack = await flopackOf(spec, {
    file: options.displayName ?? specPath,
    zip: options.zip !== false,
    scenarios,
    common: documentCommon(spec, tool),
    threads: options.threads,
    mainThreadFirst: options.mainThreadFirst === true,
    ...(ahead.flopackFile ? { writeTo: ahead.flopackFile } : {}),
    ...(ahead.staged ? { staged: ahead.staged } : {}),
  });
  if (!flopack.documents) return { ok: false, diagnostics: flopack.problems, ...empty };

  const rendered = await renderPackage({
    spec,
    specFile: {
      path: relative(packageDir, resolve(specPath)).split(sep).join('/'),
      content: await readFile(specPath),
    },
    flopackBytes: flopack.content,
    documents: flopack.documents,
    tool,
    zip: options.zip !== false,
    ...(flopack.deflated ? { flopackDeflated: flopack.deflated } : {}),
    ...(flopack.tests ? { tests: flopack.tests } : {}),
  });
  const files = rendered.files.map((f) => ({
    path: f.path,
    bytes: byteLength(f.content),
  }));

  if (options.check) {
    // Without the zip, an old zip on disk is neither expected nor stale.
    const zipPattern = new RegExp(`^${spec.name}-[^/]*\\.zip$`);
    const ignore = options.zip === false ? (p: string) => zipPattern.test(p) : () => false;
    const stale = await comparePackage(packageDir, rendered.files, ignore);
    return {
      ok: !isStale(stale),
      diagnostics: [],
      packageDir,
      files,
      flows: rendered.flows,
      stale,
      removed: [],
    };
  }
  const { removed } = await writePackage(packageDir, rendered.files);
  return { ok: true, diagnostics: [], packageDir, files, flows: rendered.flows, removed };
}

/**
 * The validated spec, and a diagnostic when its name cannot name a package folder. The parsed document (for a
 * 1,000-action YAML spec, an AST of tens of MB kept for line numbers) is garbage once this returns.
 */
async function validatedSpec(
  specPath: string,
  shownAs: string,
): Promise<{ spec?: ConnectorSpec; diagnostics: Diagnostic[]; nameError?: Diagnostic; sourceChars: number }> {
  const validation = await validateSpecFile(specPath, shownAs);
  const { spec, diagnostics } = validation;
  const sourceChars = validation.doc?.text.length ?? 0;
  if (!spec || /^[a-z][a-z0-9_]*$/.test(spec.name)) return { spec, diagnostics, sourceChars };
  const d = {
    severity: 'error' as const,
    code: BUILD_CODES.name,
    message: 'the connector name must be lower-case letters, digits and underscores',
  };
  return {
    spec,
    diagnostics,
    nameError: validation.doc ? validation.doc.at('/name', d) : { ...d, file: shownAs },
    sourceChars,
  };
}

/**
 * Generates, serializes and checks the flopack, and makes the documents, one flow at a time: each flow is built,
 * written into the flopack's blocks, linted, searched for fixed credentials and documented before the next is
 * built, and then let go (unless the test package embeds it). A 1,000-action connector is never held whole: its
 * flows as objects were ~65 MB of heap. With `threads: 'two'` the flows are shared with a worker thread
 * (flow-split.ts), which does the same with the flows from the back; its flows' bytes and documents join this
 * thread's at the end.
 */
async function flopackOf(
  spec: ConnectorSpec,
  options: {
    file: string;
    zip: boolean;
    scenarios: Parameters<typeof buildTestPackage>[2];
    common: DocumentCommon;
    threads?: BuildThreads;
    mainThreadFirst: boolean;
    /** Where the flopack goes as it is written (else it stays in memory). */
    writeTo?: FileWriter;
    /** Where the documents go as they are made (else they wait for the package). */
    staged?: StagedFiles;
  },
): Promise<{
  content: Content;
  deflated?: Buffer;
  problems: Diagnostic[];
  documents?: RenderedDocuments;
  tests?: TestPackage;
}> {
  const plan = planConnector(spec);
  const flows = plan.flows.map(generatedFlow);
  const file = flopackFileName(spec);
  const split = splitFlows(flows.length, { spec, common: options.common, file }, options.threads);
  const checks = new FlowChecks(file);
  const documents = new DocumentWriter(spec, flows, options.common, options.staged);
  // The test folder embeds the connector's flows: only then are they kept.
  const kept: Record<string, Flo> | undefined = options.scenarios.length > 0 ? {} : undefined;
  // Each flo's bytes as written: the test folder copies them.
  const floBytes = new WeakMap<object, Buffer>();
  // Compressed for the zip and written to disk on a worker thread block by block, while the next blocks are made.
  const spool = spoolBlocks({ deflate: options.zip, ...(options.writeTo ? { file: options.writeTo } : {}) });
  const writer = new FlopackWriter(plan.envelope, {
    floBytes,
    // In shared memory, so that the spool's worker reads it where it lies. Written to a file and read by nothing
    // else once spooled (no tests package keeps flows' bytes), a block's memory is filled again when the spool is
    // done with it.
    allocate: (size: number) =>
      (options.writeTo && !kept ? spool.recycled(size) : undefined) ??
      Buffer.from(new SharedArrayBuffer(size)),
    onBlock: (block: Buffer) => spool.add(block),
    keep: !options.writeTo,
  });
  // Every thread this build uses is running now.
  if (options.mainThreadFirst) lowerOtherThreadsPriority();
  try {
    for (let index = split.next(); index !== undefined; index = split.next()) {
      const planned = plan.flows[index]!;
      const flo = planned.build();
      writer.flo(planned.floId, flo);
      // Lint first: the documents then reuse the flow's read model (cached per flo object).
      checks.check(planned.floId, flo);
      documents.flow(index, flo);
      if (kept) kept[planned.floId] = flo;
      // Read for lint, the credential check and the documents; done with (reading-cache.ts says why this matters).
      forgetReadings();
    }
  } catch (error) {
    split.abandon();
    throw error;
  }
  // The worker's flows come after this thread's last one.
  const rest = await split.rest();
  if (rest) {
    checks.absorb(rest);
    for (const flow of rest.flows) {
      const bytes = writer.floFromBytes(flow.floId, flow.bytes);
      documents.add(flow.index, flow.documents);
      if (!kept) continue;
      // The test folder embeds the connector's flows as objects: these were built on the worker.
      const flo = JSON.parse(bytes.toString('utf8')) as Flo;
      kept[flow.floId] = flo;
      floBytes.set(flo, bytes);
    }
  }
  const blocks = writer.end();
  // The last blocks are deflated and written while the checks and documents finish.
  const spooled = spool.end();
  const problems: Diagnostic[] = inFixedOrder([
    ...checks.lintErrors,
    ...errorsOnly(checks.lint.finish(plan.envelope)),
  ]).map((d) => ({
    ...d,
    hint: 'This is a bug in okta-connector (the flopack it generated fails its own lint); please report it with the spec.',
  }));

  const generated = kept
    ? { flopack: { ...plan.envelope, data: { ...plan.envelope.data, flos: kept } }, flows }
    : undefined;
  const tests = generated ? buildTestPackage(spec, generated, options.scenarios, floBytes) : undefined;
  const credentials = [...checks.credentials];
  if (tests && generated) {
    // The connector's flows in the folder are the objects just linted: only the file-wide checks see them again.
    const checked = new Set<object>(Object.values(generated.flopack.data.flos));
    problems.push(
      ...errorsOnly(lintFlopack(tests.folder, { file: tests.folderFile, checked })).map((d) => ({
        ...d,
        hint: 'This is a bug in okta-connector (the test flows it generated fail its own lint); please report it with the spec and its tests.',
      })),
    );
    credentials.push(...findCredentialValues(testFlowsOnly(tests.folder, generated.flopack)));
  }
  for (const f of credentials) {
    problems.push({
      severity: 'error',
      code: BUILD_CODES.credential,
      message: `the field "${f.field}" of card "${f.card}" in flow "${f.flow}" would hold a fixed credential value`,
      file: options.file,
      hint: 'take credentials from the connection (${connection.<key>}) instead of writing them into the spec',
    });
  }
  // The documents' last files, and both workers' last writes (the staging worker's and the flopack's), together.
  const [finished, { deflated, facts }] = await Promise.all([
    problems.length > 0 ? undefined : documents.finish(),
    spooled,
  ]);
  const content = options.writeTo ? options.writeTo.close(facts!) : blocks;
  if (!finished) return { content, deflated, problems };
  return { content, deflated, problems, documents: finished, ...(tests ? { tests } : {}) };
}

/**
 * sortDiagnostics with ties broken by pointer: which flows the worker thread checked (and so which findings its
 * flows' hooks noted for the end) varies from run to run, and the order must not.
 */
function inFixedOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  const byPointer = [...diagnostics].sort((a, b) => (a.pointer ?? '').localeCompare(b.pointer ?? ''));
  return sortDiagnostics(byPointer);
}

/** The test folder without the connector's flows it embeds (those were checked with the connector). */
function testFlowsOnly(folder: Flopack, connector: Flopack): Flopack {
  const flos = Object.fromEntries(
    Object.entries(folder.data.flos).filter(([id, flo]) => connector.data.flos[id] !== flo),
  );
  return { ...folder, data: { ...folder.data, flos } };
}
