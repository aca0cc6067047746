import { basename, dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticsError } from '../errors.js';
import type { GeneratedConnector } from '../generate/index.js';
import { serializeFlopackBuffer, type FloBytes } from '../flopack/serialize.js';
import type { Flopack } from '../flopack/types.js';
import { loadScenarioFile } from '../scenario/load.js';
import { scenarioFiles } from '../scenario/files.js';
import type { Scenario } from '../scenario/types.js';
import type { ConnectorSpec } from '../spec/types.js';
import { buildTestFolder, testFolderFileName } from './test-flows.js';
import { planTests } from './test-plan.js';
import { buildTestingView, type TestingView } from './testing-doc.js';

export const TEST_PACKAGE_CODES = { scenario: 'OC-BUILD-SCENARIO' } as const;

/** The submission's test part: the `.folder` of test flows (object and bytes) and the model of TESTING.md. */
export interface TestPackage {
  folderFile: string;
  folder: Flopack;
  folderBytes: Buffer;
  testing: TestingView;
}

/**
 * The scenarios next to the spec (`<connector>/tests/*.yaml`, as `okta-connector test` finds them). A file that does
 * not load is a warning and is left out: the package is still built, and `test` reports the same problem.
 */
export async function loadBuildScenarios(
  specPath: string,
  shownAs: string,
): Promise<{ scenarios: Array<{ scenario: Scenario; file: string }>; diagnostics: Diagnostic[] }> {
  const scenarios: Array<{ scenario: Scenario; file: string }> = [];
  const diagnostics: Diagnostic[] = [];
  const paths = await scenarioFiles(dirname(specPath));
  // Read side by side (each read waits on the thread pool), then taken in file order.
  const loaded = await Promise.allSettled(
    paths.map((path) => loadScenarioFile(path, join(dirname(shownAs), 'tests', basename(path)))),
  );
  for (const [i, outcome] of loaded.entries()) {
    const file = basename(paths[i]!);
    if (outcome.status === 'fulfilled') {
      scenarios.push({ scenario: outcome.value, file });
      continue;
    }
    if (!(outcome.reason instanceof DiagnosticsError)) throw outcome.reason;
    for (const d of outcome.reason.diagnostics) {
      diagnostics.push({
        ...d,
        severity: 'warning',
        code: TEST_PACKAGE_CODES.scenario,
        message: `${d.message} (the scenario is left out of TESTING.md and the test flows)`,
      });
    }
  }
  return { scenarios, diagnostics };
}

/**
 * Undefined when the connector has no scenarios: then the package has no test part. `floBytes`: the connector's
 * flos as serialized for its flopack (serializeFlopackBlocks), copied into the folder rather than serialized again.
 */
export function buildTestPackage(
  spec: ConnectorSpec,
  generated: GeneratedConnector,
  scenarios: ReadonlyArray<{ scenario: Scenario; file: string }>,
  floBytes?: FloBytes,
): TestPackage | undefined {
  if (scenarios.length === 0) return undefined;
  const plan = planTests(generated.flopack, generated.flows, scenarios);
  const folder = buildTestFolder(spec, generated.flopack, plan);
  const folderBytes = serializeFlopackBuffer(folder, floBytes);
  return {
    folderFile: testFolderFileName(spec),
    folder,
    folderBytes,
    testing: buildTestingView(spec, plan),
  };
}
