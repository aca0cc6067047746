import { median, round } from './support/stats.js';
import { timeNode } from './support/spawn.js';

export interface ColdStartResult {
  runs: number;
  nodeMs: number;
  versionMs: number;
  validateMs: number;
  versionRatio: number;
  validateRatio: number;
}

/** `--version` and `validate` of the Twilio spec against a bare `node -e 0`, interleaved so noise hits all three. */
export async function benchColdStart(runs = 15): Promise<ColdStartResult> {
  const samples = { node: [] as number[], version: [] as number[], validate: [] as number[] };
  for (let i = 0; i < runs; i++) {
    samples.node.push((await timeNode(['-e', '0'])).ms);
    samples.version.push((await timeNode(['bin/okta-connector.js', '--version'])).ms);
    samples.validate.push(
      (await timeNode(['bin/okta-connector.js', 'validate', 'connectors/twilio/connector.yaml'])).ms,
    );
  }
  const nodeMs = median(samples.node);
  const versionMs = median(samples.version);
  const validateMs = median(samples.validate);
  return {
    runs,
    nodeMs: round(nodeMs),
    versionMs: round(versionMs),
    validateMs: round(validateMs),
    versionRatio: round(versionMs / nodeMs),
    validateRatio: round(validateMs / nodeMs),
  };
}
