import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The npm script that writes goldens (`vitest run test/golden --update`); no other run may write one. */
export const GOLDEN_UPDATE_SCRIPT = 'golden:update';

/**
 * Compares `actual` with a golden file as a vitest file snapshot, so a failure shows a diff. Outside CI vitest would
 * quietly write a missing snapshot file and pass; a missing golden fails here instead, unless the run is
 * `npm run golden:update`. A different golden always fails unless the run was started with --update.
 */
export async function expectGolden(actual: string, golden: URL): Promise<void> {
  const path = fileURLToPath(golden);
  const missing = `${path} is missing: run npm run ${GOLDEN_UPDATE_SCRIPT} and review it`;
  if (process.env.npm_lifecycle_event !== GOLDEN_UPDATE_SCRIPT) expect(existsSync(path), missing).toBe(true);
  await expect(actual).toMatchFileSnapshot(path);
}
