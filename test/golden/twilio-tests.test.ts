import { createHash } from 'node:crypto';
import { describe, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import { buildTestPackage, loadBuildScenarios } from '../../src/handoff-package/test-package.js';
import { renderTemplate } from '../../src/handoff-package/templates.js';
import { loadTwilioSpec, TWILIO_SPEC_PATH } from '../generate/twilio-spec.js';
import { expectGolden } from '../support/golden.js';

/**
 * The Twilio connector's submission test package: TESTING.md as written, and the test folder's bytes by sha256 (its
 * flows are reviewed through test/handoff-package/test-flows.test.ts, which runs each of them). After an intended
 * change run `npm run golden:update` and review the diff.
 */
describe('golden: connectors/twilio test package', () => {
  const built = (async () => {
    const spec = await loadTwilioSpec();
    const { scenarios } = await loadBuildScenarios(TWILIO_SPEC_PATH, 'connectors/twilio/connector.yaml');
    return buildTestPackage(spec, generateConnector(spec), scenarios)!;
  })();

  it('writes TESTING.md as test/golden/twilio/TESTING.md', async () => {
    await expectGolden(renderTemplate('testing.md', (await built).testing), new URL('./twilio/TESTING.md', import.meta.url));
  });

  it('writes twilio-tests.folder with the sha256 in test/golden/twilio/twilio-tests.folder.sha256', async () => {
    const sha256 = createHash('sha256').update((await built).folderBytes).digest('hex');
    await expectGolden(`${sha256}\n`, new URL('./twilio/twilio-tests.folder.sha256', import.meta.url));
  });
});
