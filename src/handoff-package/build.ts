import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { generateConnector } from '../generate/index.js';
import { serializeFlopackChunks } from '../flopack/serialize.js';
import { lintFlopack } from '../lint/index.js';
import { validateSpecFile } from '../spec/validate.js';
import { findCredentialValues } from './credentials.js';
import { flopackFileName, renderPackage } from './package.js';
import { buildTestPackage, loadBuildScenarios } from './test-package.js';
import { toolInfo } from '../util/tool-info.js';
import type { BuildOptions, BuildResult, GeneratedFlow } from './types.js';
import { comparePackage, isStale, writePackage } from './write.js';

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
  const validation = await validateSpecFile(specPath, shownAs);
  const warnings = [...validation.diagnostics];
  const spec = validation.spec;
  if (!spec) return { ok: false, diagnostics: warnings, ...empty };
  if (!/^[a-z][a-z0-9_]*$/.test(spec.name)) {
    const d = {
      severity: 'error' as const,
      code: BUILD_CODES.name,
      message: 'the connector name must be lower-case letters, digits and underscores',
    };
    return {
      ok: false,
      diagnostics: [...warnings, validation.doc ? validation.doc.at('/name', d) : { ...d, file: shownAs }],
      ...empty,
    };
  }

  const generated = generateConnector(spec);
  const loaded = await loadBuildScenarios(specPath, shownAs);
  warnings.push(...loaded.diagnostics);
  const tests = buildTestPackage(spec, generated, loaded.scenarios);
  const flows: GeneratedFlow[] = generated.flows;
  // Encoded flow by flow: the text of a large connector is tens of MB, and building it as one string first
  // doubled the peak memory of 1,000-action builds.
  const flopackBytes = Buffer.concat(
    [...serializeFlopackChunks(generated.flopack)].map((c) => Buffer.from(c, 'utf8')),
  );
  const flopackName = flopackFileName(spec);
  // Lint the object rather than re-parsing the text: serialization is plain JSON (the <>& escapes decode to the same
  // strings), so both are the same document, and a second 30 MB copy is what pushed large builds over their budget.
  const problems: Diagnostic[] = lintFlopack(generated.flopack, { connector: true, file: flopackName })
    .filter((d) => d.severity === 'error')
    .map((d) => ({
      ...d,
      hint: 'This is a bug in okta-connector (the flopack it generated fails its own lint); please report it with the spec.',
    }));
  if (tests) {
    problems.push(
      ...lintFlopack(tests.folder, { file: tests.folderFile })
        .filter((d) => d.severity === 'error')
        .map((d) => ({
          ...d,
          hint: 'This is a bug in okta-connector (the test flows it generated fail its own lint); please report it with the spec and its tests.',
        })),
    );
  }
  for (const f of [
    ...findCredentialValues(generated.flopack),
    ...(tests ? findCredentialValues(tests.folder) : []),
  ]) {
    problems.push({
      severity: 'error',
      code: BUILD_CODES.credential,
      message: `the field "${f.field}" of card "${f.card}" in flow "${f.flow}" would hold a fixed credential value`,
      file: shownAs,
      hint: 'take credentials from the connection (${connection.<key>}) instead of writing them into the spec',
    });
  }
  if (problems.length > 0) return { ok: false, diagnostics: [...warnings, ...problems], ...empty };

  const packageDir = resolve(options.outDir, spec.name);
  const rendered = await renderPackage({
    spec,
    specFile: {
      path: relative(packageDir, resolve(specPath)).split(sep).join('/'),
      content: await readFile(specPath),
    },
    flopack: generated.flopack,
    flopackBytes,
    flows,
    tool: toolInfo(),
    zip: options.zip !== false,
    ...(tests ? { tests } : {}),
  });
  const files = rendered.files.map((f) => ({
    path: f.path,
    bytes: typeof f.content === 'string' ? Buffer.byteLength(f.content) : f.content.length,
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
