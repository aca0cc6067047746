import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { generateConnector } from '../generate/index.js';
import { serializeFlopackBlocks } from '../flopack/serialize.js';
import { lintFlopack } from '../lint/index.js';
import { validateSpecFile } from '../spec/validate.js';
import { findCredentialValues } from './credentials.js';
import { documentModels, flopackFileName, renderPackage, type DocumentModels } from './package.js';
import type { ConnectorSpec } from '../spec/types.js';
import type { Flopack } from '../flopack/types.js';
import { buildTestPackage, loadBuildScenarios, type TestPackage } from './test-package.js';
import { toolInfo } from '../util/tool-info.js';
import type { BuildOptions, BuildResult } from './types.js';
import { comparePackage, isStale, writePackage } from './write.js';
import { byteLength } from './manifest.js';
import { deflateEntry } from './zip.js';

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
  const { spec, diagnostics, nameError } = await validatedSpec(specPath, shownAs);
  const warnings = [...diagnostics];
  if (!spec) return { ok: false, diagnostics: warnings, ...empty };
  if (nameError) return { ok: false, diagnostics: [...warnings, nameError], ...empty };

  const loaded = await loadBuildScenarios(specPath, shownAs);
  warnings.push(...loaded.diagnostics);
  const flopack = flopackOf(spec, { file: shownAs, zip: options.zip !== false, scenarios: loaded.scenarios });
  if (!flopack.models) return { ok: false, diagnostics: [...warnings, ...flopack.problems], ...empty };

  const packageDir = resolve(options.outDir, spec.name);
  const rendered = await renderPackage({
    spec,
    specFile: {
      path: relative(packageDir, resolve(specPath)).split(sep).join('/'),
      content: await readFile(specPath),
    },
    flopackBytes: flopack.bytes,
    models: flopack.models,
    tool: toolInfo(),
    zip: options.zip !== false,
    flopackDeflated: flopack.deflated,
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
      diagnostics: warnings,
      packageDir,
      files,
      flows: rendered.flows,
      stale,
      removed: [],
    };
  }
  const { removed } = await writePackage(packageDir, rendered.files);
  return { ok: true, diagnostics: warnings, packageDir, files, flows: rendered.flows, removed };
}

/**
 * The validated spec, and a diagnostic when its name cannot name a package folder. The parsed document (for a
 * 1,000-action YAML spec, an AST of tens of MB kept for line numbers) is garbage once this returns.
 */
async function validatedSpec(
  specPath: string,
  shownAs: string,
): Promise<{ spec?: ConnectorSpec; diagnostics: Diagnostic[]; nameError?: Diagnostic }> {
  const validation = await validateSpecFile(specPath, shownAs);
  const { spec, diagnostics } = validation;
  if (!spec || /^[a-z][a-z0-9_]*$/.test(spec.name)) return { spec, diagnostics };
  const d = {
    severity: 'error' as const,
    code: BUILD_CODES.name,
    message: 'the connector name must be lower-case letters, digits and underscores',
  };
  return {
    spec,
    diagnostics,
    nameError: validation.doc ? validation.doc.at('/name', d) : { ...d, file: shownAs },
  };
}

/**
 * Generates, serializes and checks the flopack, and derives what the documents show from it. The generated objects
 * (~100 MB of heap for 1,000 actions) are garbage once this returns, before the documents render.
 */
function flopackOf(
  spec: ConnectorSpec,
  options: { file: string; zip: boolean; scenarios: Parameters<typeof buildTestPackage>[2] },
): {
  bytes: Buffer[];
  deflated?: Promise<Buffer>;
  problems: Diagnostic[];
  models?: DocumentModels;
  tests?: TestPackage;
} {
  const generated = generateConnector(spec);
  // Serialized flo by flo; the test folder embeds the same flo objects and copies their bytes from here.
  const floBytes = options.scenarios.length > 0 ? new Map<object, Buffer>() : undefined;
  // In shared memory when zipped, so that a worker thread can compress it where it lies (zip.ts deflateEntry).
  const allocate = options.zip ? (size: number) => Buffer.from(new SharedArrayBuffer(size)) : undefined;
  const bytes = serializeFlopackBlocks(generated.flopack, { floBytes, ...(allocate ? { allocate } : {}) });
  const tests = buildTestPackage(spec, generated, options.scenarios, floBytes);
  // Compressed for the zip on the thread pool while lint and the build sheet run on this one.
  const deflated = options.zip ? deflateEntry(bytes) : undefined;
  // Lint the object rather than re-parsing the text: serialization is plain JSON (the <>& escapes decode to the same
  // strings), so both are the same document, and a second 30 MB copy is what pushed large builds over their budget.
  const problems: Diagnostic[] = lintFlopack(generated.flopack, {
    connector: true,
    file: flopackFileName(spec),
  })
    .filter((d) => d.severity === 'error')
    .map((d) => ({
      ...d,
      hint: 'This is a bug in okta-connector (the flopack it generated fails its own lint); please report it with the spec.',
    }));
  if (tests) {
    // The connector's flows in the folder are the objects just linted: only the file-wide checks see them again.
    const checked = new Set<object>(Object.values(generated.flopack.data.flos));
    problems.push(
      ...lintFlopack(tests.folder, { file: tests.folderFile, checked })
        .filter((d) => d.severity === 'error')
        .map((d) => ({
          ...d,
          hint: 'This is a bug in okta-connector (the test flows it generated fail its own lint); please report it with the spec and its tests.',
        })),
    );
  }
  const testFlows = tests ? testFlowsOnly(tests.folder, generated.flopack) : undefined;
  for (const f of [
    ...findCredentialValues(generated.flopack),
    ...(testFlows ? findCredentialValues(testFlows) : []),
  ]) {
    problems.push({
      severity: 'error',
      code: BUILD_CODES.credential,
      message: `the field "${f.field}" of card "${f.card}" in flow "${f.flow}" would hold a fixed credential value`,
      file: options.file,
      hint: 'take credentials from the connection (${connection.<key>}) instead of writing them into the spec',
    });
  }
  if (problems.length > 0) return { bytes, deflated, problems };
  const models = documentModels(spec, generated.flopack, generated.flows);
  return { bytes, deflated, problems, models, ...(tests ? { tests } : {}) };
}

/** The test folder without the connector's flows it embeds (those were checked with the connector). */
function testFlowsOnly(folder: Flopack, connector: Flopack): Flopack {
  const flos = Object.fromEntries(
    Object.entries(folder.data.flos).filter(([id, flo]) => connector.data.flos[id] !== flo),
  );
  return { ...folder, data: { ...folder.data, flos } };
}
