import { SELECTED_AUTH } from '../connector/contract.js';
import {
  allConfigValues,
  authFieldKeys,
  authMethods,
  configValuesOf,
  hasSeveralAuthMethods,
} from '../spec/auth-types.js';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { loadSourceFile } from '../source/document.js';
import { isSecretName } from '../simulate/redact.js';
import type { ConnectorSpec } from '../spec/types.js';

/** A connection as the generated flows receive it: `{ username, password }` plus connection parameter keys. */
export type Connection = Record<string, string>;

export const CONNECTION_ENV = 'OKTA_CONNECTOR_CONNECTION';
export const CONNECTION_ENV_PREFIX = 'OKTA_CONNECTOR_CONN_';

/**
 * Where a simulated run gets its connection, lowest precedence first: `defaults` (the embedded mock's seeded
 * credentials), OKTA_CONNECTOR_CONNECTION (a JSON object), OKTA_CONNECTOR_CONN_<KEY> per field, then
 * --connection-file (YAML or JSON). Secrets are never taken from command-line arguments: they would land in shell
 * history and process listings.
 */
export async function resolveConnection(args: {
  file?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Keys the connector knows (username, password, parameter keys) so OKTA_CONNECTOR_CONN_ACCOUNTSID finds accountSid. */
  knownKeys: readonly string[];
  defaults?: Connection;
}): Promise<{ connection: Connection; sources: string[] }> {
  const connection: Connection = { ...(args.defaults ?? {}) };
  const sources: string[] = args.defaults ? ['the embedded mock'] : [];
  const json = args.env[CONNECTION_ENV];
  if (json !== undefined && json.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new UsageError(
        `${CONNECTION_ENV} must hold a JSON object: ${jsonProblem(error)} (the value is not shown: it holds secrets)`,
      );
    }
    Object.assign(connection, stringValues(parsed, CONNECTION_ENV));
    sources.push(CONNECTION_ENV);
  }
  for (const [name, value] of Object.entries(args.env)) {
    if (!name.startsWith(CONNECTION_ENV_PREFIX) || value === undefined) continue;
    const raw = name.slice(CONNECTION_ENV_PREFIX.length);
    const key = args.knownKeys.find((k) => k.toLowerCase() === raw.toLowerCase()) ?? raw.toLowerCase();
    connection[key] = value;
    sources.push(name);
  }
  if (args.file) {
    const doc = await loadSourceFile(resolve(args.cwd, args.file), args.file);
    Object.assign(connection, stringValues(doc.data, `--connection-file ${args.file}`));
    sources.push(args.file);
  }
  return { connection, sources };
}

/**
 * What is wrong with the JSON, without any of its text: JSON.parse quotes the text around an unexpected token
 * (`Unexpected token 'h', "{"password":hunter2}" is not valid JSON`), which would print the password.
 */
export function jsonProblem(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw)?.[1];
  const what = /^Unexpected token/.test(raw)
    ? 'unexpected character'
    : /^Unexpected end/.test(raw)
      ? 'unexpected end of input'
      : raw
          .replace(/ in JSON at position \d+.*$/s, '')
          .replace(/["'`].*$/s, '')
          .trim() || 'invalid JSON';
  return position === undefined ? what : `${what} at character ${Number(position) + 1}`;
}

function stringValues(data: unknown, where: string): Connection {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`${where} must hold an object such as {"username": "...", "password": "..."}`);
  }
  const out: Connection = {};
  for (const [k, v] of Object.entries(data)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'object') throw new UsageError(`${where}: "${k}" must be a string, not an object`);
    out[k] = String(v);
  }
  return out;
}

/** The connection keys a spec's flows read: username/password for basic auth plus its connection parameters. */
export function connectionKeys(spec: ConnectorSpec): { key: string; required: boolean }[] {
  const keys: { key: string; required: boolean }[] = [];
  // The credentials of the method the connection uses are required; config values are the platform's to fill
  // (a static value, or its helper flow's result), but a connection may give them.
  const several = hasSeveralAuthMethods(spec);
  for (const auth of authMethods(spec)) {
    for (const key of authFieldKeys(auth))
      if (!keys.some((k) => k.key === key)) keys.push({ key, required: !several });
    for (const config of configValuesOf(auth))
      if (!keys.some((k) => k.key === config.key)) keys.push({ key: config.key, required: false });
  }
  if (several) keys.push({ key: SELECTED_AUTH.key, required: false });
  for (const p of spec.connectionParameters ?? []) keys.push({ key: p.key, required: p.required === true });
  return keys;
}

/** Throws a usage error (exit 2) listing exactly what to set when a required connection value is missing. */
export function requireConnection(spec: ConnectorSpec, connection: Connection): void {
  const missing = connectionKeys(spec).filter((k) => k.required && !connection[k.key]);
  if (missing.length === 0) return;
  const names = missing.map((m) => m.key);
  const perField = missing.map((m) => `${CONNECTION_ENV_PREFIX}${m.key.toUpperCase()}`).join(', ');
  throw new UsageError(
    `the connection is missing ${names.join(', ')}. Set ${perField}, or ${CONNECTION_ENV} to a JSON object, ` +
      `or pass --connection-file <file.yaml|json> with ${names.map((n) => `"${n}"`).join(', ')}.`,
  );
}

/** Connection keys whose values must never be printed: the password, OAuth tokens, password-type parameters. */
export function secretConnectionKeys(spec: ConnectorSpec | undefined, connection: Connection): string[] {
  const keys = new Set<string>(['password', 'access_token', 'refresh_token', 'client_secret']);
  for (const p of spec?.connectionParameters ?? []) if (p.type === 'password') keys.add(p.key);
  for (const { config } of spec ? allConfigValues(spec) : [])
    if (config.type === 'password') keys.add(config.key);
  for (const k of Object.keys(connection)) if (isSecretName(k)) keys.add(k);
  return [...keys];
}
