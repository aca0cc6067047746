import { fileURLToPath } from 'node:url';
import { loadSourceFile } from '../../src/source/document.js';
import type { ConnectorSpec } from '../../src/spec/types.js';

export const TWILIO_SPEC_PATH = fileURLToPath(
  new URL('../../connectors/twilio/connector.yaml', import.meta.url),
);

/** The reference Twilio spec, loaded and cast (the schema check lives in `validate`). */
export async function loadTwilioSpec(): Promise<ConnectorSpec> {
  return (await loadSourceFile(TWILIO_SPEC_PATH)).data as ConnectorSpec;
}
