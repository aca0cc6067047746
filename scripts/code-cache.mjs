// Build step (after bundle-cli.mjs): the V8 code cache of the CLI bundle, dist/bundle/cli.cache (src/cli/cli-bundle.ts).
// The cache holds the code compiled so far, so the bundle runs the commands whose cold start matters first, quietly,
// on the bundled Twilio connector: validate and build (into a temporary folder, removed after), from its YAML spec
// and from the same spec as JSON (a JSON spec is read by other code).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadCliBundle, writeCliCache } from '../dist/cli/cli-bundle.js';

const spec = 'connectors/twilio/connector.yaml';
const out = mkdtempSync(join(tmpdir(), 'okta-connector-cache-'));
const silent = { write: () => true };
try {
  const bundle = loadCliBundle(undefined, join(out, 'none'));
  const json = join(out, 'connector.json');
  writeFileSync(json, JSON.stringify(parse(readFileSync(spec, 'utf8'))));
  for (const argv of [
    ['validate', spec],
    ['build', spec, '--out', out],
    ['build', json, '--out', join(out, 'from-json')],
  ]) {
    const code = await bundle.exports.main(argv, { stdout: silent, stderr: silent, env: { NO_COLOR: '1' } });
    if (code !== 0)
      throw new Error(`okta-connector ${argv.join(' ')} exited ${code} while warming the code cache`);
  }
  writeCliCache(bundle);
} finally {
  rmSync(out, { recursive: true, force: true });
}
