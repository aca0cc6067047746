import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/build/generate.js';
import { serializeFlopack } from '../../src/flopack/serialize.js';
import { loadTwilioSpec } from '../build/twilio-spec.js';

const GOLDEN = fileURLToPath(new URL('./twilio/twilio.flopack', import.meta.url));

/**
 * The Twilio connector's flopack, byte for byte. The golden file was reviewed by hand (flows, cards, pins);
 * after an intended change, regenerate it with `UPDATE_GOLDEN=1 npx vitest run test/golden` and review the diff.
 */
describe('golden: connectors/twilio', () => {
  it('builds exactly test/golden/twilio/twilio.flopack', async () => {
    const text = serializeFlopack(generateConnector(await loadTwilioSpec()).flopack);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, text);
    expect(text === readFileSync(GOLDEN, 'utf8')).toBe(true);
  });
});
