import { DiagnosticsError, UserError } from '../errors.js';
import { loadSourceFile } from '../source/document.js';

/**
 * Connection values for `hook serve`: what Okta keeps out of exports (reference §1.2 configs, data null). A YAML
 * or JSON file, or the env variable below holding the same JSON, keyed by connection name or module:
 * `{okta: {domain, token}, twilio: {username, password}}`.
 */
export const CONNECTIONS_ENV = 'OKTA_CONNECTOR_CONNECTIONS';

export type ConnectionValues = Record<string, Record<string, unknown>>;

export async function loadConnectionFile(path: string): Promise<ConnectionValues> {
  let data: unknown;
  try {
    data = (await loadSourceFile(path)).data;
  } catch (error) {
    if (error instanceof DiagnosticsError) throw error;
    throw new UserError(`cannot read the connection file ${path}`);
  }
  return checkValues(data, path);
}

export function connectionsFromEnv(env: NodeJS.ProcessEnv): ConnectionValues | undefined {
  const text = env[CONNECTIONS_ENV];
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UserError(
      `${CONNECTIONS_ENV} is not JSON; expected {"okta": {"domain": ..., "token": ...}, ...}`,
    );
  }
  return checkValues(data, CONNECTIONS_ENV);
}

function checkValues(data: unknown, where: string): ConnectionValues {
  const bad = (why: string) =>
    new UserError(
      `${where}: ${why}; expected connection names mapped to objects, e.g. okta: {domain, token}`,
    );
  if (!isObject(data)) throw bad('not an object');
  const out: ConnectionValues = {};
  for (const [name, value] of Object.entries(data)) {
    if (!isObject(value)) throw bad(`"${name}" is not an object`);
    out[name] = value;
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
