import type { OpenAPIV3 } from 'openapi-types';
import type { OpenApiOperation } from '../../openapi/operations.js';
import type { ConnectionParameter } from '../../spec/types.js';
import { Comments } from './comments.js';
import { KeyAllocator, labelFor, plainText } from './names.js';
import type { ShapeReader } from './schema.js';

/** Where requests go: the spec's base URL and the connection parameters it (and the paths) need. */
export interface BaseUrlChoice {
  baseUrl: string;
  /** The server URL of the description it came from, e.g. `https://{region}.api.example.com/v1`. */
  server: string;
  /** Path segments every imported operation starts with that moved into the base URL (`2010-04-01/Accounts/{AccountSid}`). */
  prefix: string[];
  /** Path parameters that are connection parameters (an account in every path): name → connection key. */
  pathParameters: Map<string, string>;
  parameters: ConnectionParameter[];
  /** Relative to the spec's root. */
  comments: Comments;
}

/** The first https server of a list (the rest are usually staging or plain-http copies), else the first. */
export function preferredServer(servers: readonly OpenAPIV3.ServerObject[]): OpenAPIV3.ServerObject {
  return servers.find((s) => /^https:/i.test(s.url)) ?? servers[0] ?? { url: '/' };
}

/**
 * The server most operations use (ties: the first met), its variables as connection parameters (a variable with
 * one possible value is written in), and the path parameters that scope every operation (Twilio's `{AccountSid}`):
 * a parameter in at least half of the operations' paths that is never the resource itself (the last segment) is
 * taken from the connection, and moved into the base URL when every operation's path starts with it.
 */
export function chooseBaseUrl(
  ops: readonly OpenApiOperation[],
  keys: KeyAllocator,
  shapes: ShapeReader,
): BaseUrlChoice {
  const comments = new Comments();
  const parameters: ConnectionParameter[] = [];
  const counts = new Map<string, { n: number; server: OpenAPIV3.ServerObject }>();
  for (const op of ops) {
    const server = preferredServer(op.servers);
    const entry = counts.get(server.url) ?? { n: 0, server };
    entry.n++;
    counts.set(server.url, entry);
  }
  const server = [...counts.values()].sort((a, b) => b.n - a.n)[0]?.server ?? { url: '/' };
  if (counts.size > 1) {
    comments.review(
      ['baseUrl'],
      `the selected operations use ${counts.size} servers; this one serves the most. Operations on other servers were skipped`,
    );
  }
  let url = server.url.replace(/\/+$/, '');
  for (const [name, variable] of Object.entries(server.variables ?? {})) {
    const values = variable.enum ?? [];
    const atScheme = url.startsWith(`{${name}}`);
    if (values.length === 1 || atScheme) {
      url = url
        .split(`{${name}}`)
        .join(atScheme ? (values.find((v) => v === 'https') ?? variable.default) : values[0]!);
      continue;
    }
    const key = keys.take(name);
    parameters.push({
      key,
      label: labelFor(name),
      ...(values.length > 1
        ? { type: 'dropdown' as const, values: values.map((v) => ({ label: v, value: v })) }
        : { type: 'text' as const }),
      required: true,
      description:
        [plainText(variable.description, 200), `Default: ${variable.default}.`].filter(Boolean).join(' ') ||
        undefined,
    });
    url = url.split(`{${name}}`).join(`\${connection.${key}}`);
    comments.note(['connectionParameters', parameters.length - 1], `from the server variable {${name}}`);
  }
  if (!/^https?:\/\//i.test(url)) {
    const key = keys.take('host');
    parameters.push({
      key,
      label: 'Host',
      type: 'text',
      required: true,
      description: 'The host name of the API, e.g. api.example.com.',
    });
    comments.review(
      ['baseUrl'],
      `the description gives only a relative server URL ("${server.url}"); the host comes from the connection`,
    );
    url = `https://\${connection.${key}}${url.startsWith('/') ? '' : '/'}${url}`;
  }

  const onServer = ops.filter((op) => preferredServer(op.servers).url === server.url);
  const pathParameters = new Map<string, string>();
  for (const name of scopingParameters(onServer)) {
    const key = keys.take(name);
    pathParameters.set(name, key);
    const param = onServer.flatMap((o) => o.parameters).find((p) => p.in === 'path' && p.name === name);
    const shape = param?.schema ? shapes.read(param.schema) : undefined;
    const pattern = shape?.pattern && compiles(shape.pattern) ? shape.pattern : undefined;
    parameters.push({
      key,
      label: labelFor(name),
      type: 'text',
      required: true,
      ...(param?.description && { description: plainText(param.description, 200) }),
      ...(pattern && { pattern }),
    });
    comments.review(
      ['connectionParameters', parameters.length - 1],
      `{${name}} is in the path of most operations, so it is asked once, with the connection`,
    );
  }
  const prefix = hoistablePrefix(onServer, pathParameters);
  for (const segment of prefix)
    url += '/' + segment.replace(/\{([^}]+)\}/g, (_, n: string) => `\${connection.${pathParameters.get(n)}}`);
  return { baseUrl: url, server: server.url, prefix, pathParameters, parameters, comments };
}

function segmentsOf(path: string): string[] {
  return path.split('/').slice(1);
}

function paramsIn(segment: string): string[] {
  return [...segment.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

function scopingParameters(ops: readonly OpenApiOperation[]): string[] {
  const seen = new Map<string, number>();
  const last = new Set<string>();
  for (const op of ops) {
    const segments = segmentsOf(op.path);
    segments.forEach((segment, i) => {
      for (const name of paramsIn(segment)) {
        seen.set(name, (seen.get(name) ?? 0) + 1);
        if (i === segments.length - 1) last.add(name);
      }
    });
  }
  return [...seen].filter(([name, n]) => n * 2 >= ops.length && !last.has(name)).map(([name]) => name);
}

/** The common leading segments (never a path's last one), up to the last that holds a connection parameter. */
function hoistablePrefix(
  ops: readonly OpenApiOperation[],
  connection: ReadonlyMap<string, string>,
): string[] {
  if (ops.length === 0 || connection.size === 0) return [];
  let common = segmentsOf(ops[0]!.path).slice(0, -1);
  for (const op of ops.slice(1)) {
    const segments = segmentsOf(op.path).slice(0, -1);
    let i = 0;
    while (i < common.length && i < segments.length && common[i] === segments[i]) i++;
    common = common.slice(0, i);
  }
  let end = 0;
  for (const [i, segment] of common.entries()) {
    const names = paramsIn(segment);
    if (names.some((n) => !connection.has(n))) break;
    if (names.length > 0) end = i + 1;
  }
  return common.slice(0, end);
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Why an operation cannot be imported with this base URL, if it cannot. */
export function serverProblem(choice: BaseUrlChoice, op: OpenApiOperation): string | undefined {
  const url = preferredServer(op.servers).url;
  if (url !== choice.server) return `it is served from ${url}, not the connector's ${choice.server}`;
  const segments = segmentsOf(op.path);
  if (choice.prefix.some((s, i) => segments[i] !== s))
    return `its path does not start with the base path /${choice.prefix.join('/')}`;
  return undefined;
}
