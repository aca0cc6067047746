import { resolve } from 'node:path';
import { UsageError } from '../../../errors.js';
import { loadSourceFile, parseSource } from '../../../source/document.js';

/**
 * Parses a `--input key=value` / `--option key=value` value. The value is JSON when it looks like JSON (a number,
 * true/false/null, an object, a list or a quoted string), else the text as given: `count=3` is 3, `to=+1415...`
 * stays a string (a leading + is not JSON), `body=hi` is "hi".
 */
export function parseKeyValue(arg: string, flag: string): [string, unknown] {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new UsageError(`${flag} expects key=value, got "${arg}"`);
  const key = arg.slice(0, eq).trim();
  const raw = arg.slice(eq + 1);
  return [key, looseJson(raw)];
}

export function looseJson(raw: string): unknown {
  const t = raw.trim();
  if (/^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)$/.test(t) || /^[[{"]/.test(t)) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}

/**
 * A Text field takes the value as typed: `blocks=[{"type":"section"}]` is JSON text for a Text input, not a list.
 * Rewrites, in place, the values `collectPairs` parsed for fields the flow types as text.
 */
export function keepTextAsTyped(
  parsed: Record<string, unknown>,
  values: readonly string[] | undefined,
  textKeys: ReadonlySet<string>,
): void {
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    const key = v.slice(0, eq).trim();
    if (textKeys.has(key)) parsed[key] = v.slice(eq + 1);
  }
}

/** Collects repeated key=value flags into an object; a repeated key is a usage error. */
export function collectPairs(values: readonly string[] | undefined, flag: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const v of values ?? []) {
    const [k, value] = parseKeyValue(v, flag);
    if (Object.hasOwn(out, k)) throw new UsageError(`${flag} ${k} is given more than once`);
    out[k] = value;
  }
  return out;
}

/**
 * Reads `--input-file`: a JSON or YAML file with an object of inputs, or `@-` for JSON (or YAML) on stdin.
 * Problems in the file are reported with its line and column.
 */
export async function readObjectArg(
  spec: string,
  flag: string,
  cwd: string,
  readStdin: () => Promise<string>,
): Promise<Record<string, unknown>> {
  const doc =
    spec === '@-' || spec === '-'
      ? parseSource(await readStdin(), '<stdin>')
      : await loadSourceFile(resolve(cwd, spec.replace(/^@/, '')), spec.replace(/^@/, ''));
  const data = doc.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`${flag} ${spec} must hold a JSON/YAML object of key: value pairs`);
  }
  return data as Record<string, unknown>;
}
