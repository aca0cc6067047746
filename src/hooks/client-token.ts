import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';

/**
 * Secrets of the hooks: the Workflows client token ("a 64-hex token", reference §3.4) and the event hook's shared
 * secret. They come from files or the environment, never from flag values (which land in shell history).
 */
export const CLIENT_TOKEN_ENV = 'OKTA_CONNECTOR_CLIENT_TOKEN';
export const EVENT_HOOK_SECRET_ENV = 'OKTA_CONNECTOR_EVENT_HOOK_SECRET';

export function generateClientToken(): string {
  return randomBytes(32).toString('hex');
}

/** Compares secrets in constant time (hashing first so lengths don't leak either). */
export function secretsEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Reads a secret from a file (first line, trimmed); a clear error when missing or empty. */
export async function readSecretFile(path: string, what: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read the ${what} file ${path}${code ? ` (${code})` : ''}`);
  }
  const secret = text.split(/\r?\n/)[0]?.trim() ?? '';
  if (!secret) throw new UserError(`the ${what} file ${path} is empty; put the ${what} on its first line`);
  return secret;
}

/** The secret from a file if given, else from the environment variable, else undefined. */
export async function resolveSecret(
  file: string | undefined,
  env: NodeJS.ProcessEnv,
  envName: string,
  what: string,
): Promise<string | undefined> {
  if (file) return readSecretFile(file, what);
  const value = env[envName]?.trim();
  return value ? value : undefined;
}
