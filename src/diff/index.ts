import { loadValidSpec } from '../spec/validate.js';
import { diffSpecs } from './changes.js';
import type { DiffReport } from './report.js';
import { actualBump, isEnough, requiredBump } from './semver.js';

export { diffSpecs, type Impact, type SpecChange } from './changes.js';
export { formatDiffHuman, type DiffReport } from './report.js';

/** Compares two spec files (both must be valid) and checks the version bump against the changes. */
export async function diffSpecFiles(
  before: string,
  after: string,
  shown = { before, after },
): Promise<DiffReport> {
  const [a, b] = await Promise.all([loadValidSpec(before, shown.before), loadValidSpec(after, shown.after)]);
  const changes = diffSpecs(a.spec, b.spec);
  const required = requiredBump(changes.map((c) => c.impact));
  const actual = actualBump(a.spec.version, b.spec.version);
  return {
    from: { file: shown.before, version: a.spec.version },
    to: { file: shown.after, version: b.spec.version },
    changes,
    requiredBump: required,
    actualBump: actual,
    ok: isEnough(actual, required),
  };
}
