import { primaryAuth } from '../spec/auth-types.js';
import { Document, isMap } from 'yaml';
import type { ConnectorSpec } from '../spec/types.js';
import { kebab } from './names.js';

export interface ScaffoldScenario {
  /** Relative to the connector folder, e.g. `tests/get-item.yaml`. */
  path: string;
  text: string;
}

/** A sample value that needs no URL encoding, so the expected path is exactly what the server sees. */
export function sampleValue(key: string): string {
  return `test-${key}`;
}

/**
 * The first action's scenario, in the scenario format (src/scenario/types.ts). The embedded mock only serves
 * Twilio, so a scaffolded connector's test runs against `--base-url` (a stub server or a sandbox); its expectation
 * is therefore the request this connector sends (method and path), not the API's answer.
 */
export function buildScenario(spec: ConnectorSpec): ScaffoldScenario {
  const action = spec.actions[0];
  if (!action) throw new Error('buildScenario: the spec has no action');
  const path = `tests/${kebab(action.name)}.yaml`;
  const options = Object.fromEntries((action.options ?? []).map((o) => [o.key, sampleValue(o.key)]));
  const inputs = Object.fromEntries((action.inputs ?? []).map((i) => [i.key, sampleValue(i.key)]));
  const basePath = spec.baseUrl.replace(/^[a-z]+:\/\/[^/]*/i, '');
  // Inputs and options become their sample values; ${connection.x} stays for the runner to fill in.
  const requestPath = (basePath + action.request.path).replace(
    /\$\{(inputs|options)\.([^}]*)\}/g,
    (_, _source: string, key: string) => sampleValue(key),
  );
  const data = {
    name: `${action.name} sends the expected request`,
    action: action.name,
    ...(Object.keys(options).length > 0 && { options }),
    ...(Object.keys(inputs).length > 0 && { inputs }),
    connection: sampleConnection(spec),
    expect: { requests: [{ method: action.request.method, path: requestPath }] },
  };
  const doc = new Document(data);
  doc.commentBefore =
    ` ${path} — run with: okta-connector test --base-url <URL of a test server>\n` +
    ' mock: none. The embedded mock serves only Twilio, so this test needs --base-url: a local stub server or\n' +
    " the API's sandbox. It checks the request the connector sends (method and path, base path included).\n" +
    ' Add `expect.outputs` (a value or { match: <regex> }) once you test against a server that answers.';
  for (const key of ['inputs', 'options']) {
    const node = doc.get(key, true);
    if (isMap(node)) node.flow = true;
  }
  const connection = doc.get('connection', true);
  if (isMap(connection)) {
    connection.flow = true;
    connection.comment = ' fake credentials: a test server accepts anything';
  }
  return { path, text: doc.toString({ lineWidth: 0 }) };
}

/** Placeholder credentials for every connection key the flows read (src/run/connection.ts). */
function sampleConnection(spec: ConnectorSpec): Record<string, string> {
  const out: Record<string, string> = {};
  const auth = primaryAuth(spec);
  if (auth.type === 'basic') Object.assign(out, { username: 'test-user', password: 'test-password' });
  if (auth.type === 'oauth2') out.access_token = 'test-access-token';
  for (const p of spec.connectionParameters ?? []) out[p.key] = sampleValue(p.key);
  return out;
}
