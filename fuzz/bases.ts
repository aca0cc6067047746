import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A second spec shape beside Twilio: custom header auth, a JSON body, query parameters and a password parameter. */
const CUSTOM_SPEC = `specVersion: 1
name: acme
displayName: Acme
description: The Acme messaging API, a second shape for the fuzzer.
version: 1.0.0
supportEmail: support@acme.test
authentication:
  type: custom
  placement: header
  name: X-Acme-Key
  value: \${connection.apiKey}
connectionParameters:
  - { key: apiKey, label: API Key, type: password, required: true }
  - { key: region, label: Region, type: text, required: true }
baseUrl: https://\${connection.region}.acme.test/v1
authping:
  request: { method: GET, path: /me }
  healthyStatuses: [200]
actions:
  - name: Create Note
    description: Create a note with a title and a body in one of your notebooks.
    options:
      - { key: notebook, label: Notebook, type: text, required: true }
    inputs:
      - { key: title, label: Title, type: text, required: true }
      - { key: body, label: Body, type: text }
    request:
      method: POST
      path: /notebooks/\${options.notebook}/notes
      query: { draft: 'false' }
      body:
        encoding: json
        fields:
          note: { title: '\${inputs.title}', body: '\${inputs.body}', tags: [fuzz] }
    outputs:
      - { key: id, label: ID, type: text, from: body, path: id }
`;

/** What the fuzzer mutates: the repository's real specs and real Okta exports (test/fixtures), read as text. */
export async function loadBases(): Promise<{ specs: string[]; flopacks: string[] }> {
  const specs = [await readFile(join(ROOT, 'connectors/twilio/connector.yaml'), 'utf8'), CUSTOM_SPEC];
  const samples = join(ROOT, 'test/fixtures/okta-workflows');
  const names = (await readdir(samples)).filter((n) => /\.(flopack|flow)$/.test(n)).sort();
  const flopacks = await Promise.all(names.map((n) => readFile(join(samples, n), 'utf8')));
  flopacks.push(await readFile(join(ROOT, 'test/golden/twilio/twilio.flopack'), 'utf8'));
  return { specs, flopacks };
}
