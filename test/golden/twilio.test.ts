import { createHash } from 'node:crypto';
import { describe, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import { serializeFlopack } from '../../src/flopack/serialize.js';
import { loadTwilioSpec } from '../generate/twilio-spec.js';
import { expectGolden } from '../support/golden.js';

/**
 * The Twilio connector's flopack. The golden is the built document indented (reviewed by hand: flows, cards,
 * pins), so a change shows as a readable diff; the bytes `build` writes stay compact, pinned by their sha256.
 * After an intended change run `npm run golden:update` and review the diff.
 */
describe('golden: connectors/twilio', () => {
  const built = loadTwilioSpec().then((spec) => serializeFlopack(generateConnector(spec).flopack));

  it('builds the document in test/golden/twilio/twilio.flopack', async () => {
    const pretty = `${JSON.stringify(JSON.parse(await built), null, 2)}\n`;
    await expectGolden(pretty, new URL('./twilio/twilio.flopack', import.meta.url));
  });

  it('writes it as the compact bytes whose sha256 is test/golden/twilio/twilio.flopack.sha256', async () => {
    const sha256 = createHash('sha256').update(await built).digest('hex');
    await expectGolden(`${sha256}\n`, new URL('./twilio/twilio.flopack.sha256', import.meta.url));
  });
});
