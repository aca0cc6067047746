import { join } from 'node:path';
import { median, range, round } from './support/stats.js';
import { repoRoot, scratchDir, timeNode } from './support/spawn.js';

export interface ColdStartResult {
  runs: number;
  nodeMs: number;
  versionMs: number;
  validateMs: number;
  buildMs: number;
  versionRatio: number;
  validateRatio: number;
  buildRatio: number;
  /** Min and max of each command's runs, beside the medians. */
  ranges: {
    node: [number, number];
    version: [number, number];
    validate: [number, number];
    build: [number, number];
  };
}

/**
 * `--version`, `validate` and `build` of the Twilio spec against a bare `node -e 0`, whole processes as a user
 * waits for them, interleaved so noise hits all four, and with nothing injected into any of them.
 */
export async function benchColdStart(runs = 15): Promise<ColdStartResult> {
  const samples = {
    node: [] as number[],
    version: [] as number[],
    validate: [] as number[],
    build: [] as number[],
  };
  const bare = { bare: true };
  const out = join(scratchDir(), 'cold-build');
  for (let i = 0; i < runs; i++) {
    samples.node.push((await timeNode(['-e', '0'], repoRoot, bare)).ms);
    samples.version.push((await timeNode(['bin/okta-connector.js', '--version'], repoRoot, bare)).ms);
    samples.validate.push(
      (
        await timeNode(
          ['bin/okta-connector.js', 'validate', 'connectors/twilio/connector.yaml'],
          repoRoot,
          bare,
        )
      ).ms,
    );
    samples.build.push(
      (
        await timeNode(
          ['bin/okta-connector.js', 'build', 'connectors/twilio/connector.yaml', '--out', out],
          repoRoot,
          bare,
        )
      ).ms,
    );
  }
  const nodeMs = median(samples.node);
  const versionMs = median(samples.version);
  const validateMs = median(samples.validate);
  const buildMs = median(samples.build);
  return {
    runs,
    nodeMs: round(nodeMs),
    versionMs: round(versionMs),
    validateMs: round(validateMs),
    buildMs: round(buildMs),
    versionRatio: round(versionMs / nodeMs),
    validateRatio: round(validateMs / nodeMs),
    buildRatio: round(buildMs / nodeMs),
    ranges: {
      node: range(samples.node),
      version: range(samples.version),
      validate: range(samples.validate),
      build: range(samples.build),
    },
  };
}
