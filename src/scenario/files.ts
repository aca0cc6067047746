import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The scenario files of a connector folder: `tests/*.yaml|yml`, sorted by name. Apart from suite.ts (which
 * re-exports it) so that `build`, which only lists and loads scenarios, does not load the runner and the mocks.
 */
export async function scenarioFiles(connectorDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(join(connectorDir, 'tests'));
  } catch {
    return [];
  }
  return (
    entries
      // Cassettes live next to the scenarios that replay them; they are not scenarios.
      .filter((e) => /\.ya?ml$/i.test(e) && !/\.cassette\.ya?ml$/i.test(e))
      .sort()
      .map((e) => join(connectorDir, 'tests', e))
  );
}
