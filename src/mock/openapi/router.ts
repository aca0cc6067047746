import type { HttpMethod } from '../../openapi/operations.js';
import { escapeRegExp, parseServer, type ServerBase } from './servers.js';
import type { OpenAPIV3 } from 'openapi-types';

/** What the router needs of an operation. */
export interface Routable {
  method: HttpMethod;
  /** The path template, e.g. `/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`. */
  path: string;
  servers: OpenAPIV3.ServerObject[];
}

export type RouteResult<T> =
  | { kind: 'found'; operation: T; pathParams: Record<string, string> }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allowed: string[] };

interface Entry<T> {
  /** Server path + path template, for messages. */
  template: string;
  /** Everything before the first variable: a cheap filter before the regular expression. */
  prefix: string;
  regex: RegExp;
  paramNames: string[];
  /** Per path segment: 2 literal, 1 partly templated, 0 one variable. Higher sorts first. */
  specificity: number[];
  methods: Map<HttpMethod, T>;
}

/**
 * Routes a request path and method to an operation as OpenAPI prescribes: the path must start with one of the
 * operation's server paths (Slack's `/api`), then match a path template; concrete paths win over templated ones
 * (`/users/me` before `/users/{id}`), segment by segment from the left. A path that matches but lacks the method
 * is a 405 with the methods it has.
 */
export class Router<T extends Routable> {
  private readonly exact = new Map<string, Entry<T>>();
  private readonly templated: Entry<T>[] = [];

  constructor(operations: readonly T[]) {
    const byKey = new Map<string, Entry<T>>();
    for (const op of operations) {
      for (const server of uniqueServerPaths(op.servers)) {
        const key = `${server.pathPattern}\u0000${op.path}`;
        let entry = byKey.get(key);
        if (!entry) {
          entry = makeEntry<T>(server, op.path);
          byKey.set(key, entry);
          if (entry.paramNames.length === 0 && server.literal) this.exact.set(entry.template, entry);
          else this.templated.push(entry);
        }
        if (!entry.methods.has(op.method)) entry.methods.set(op.method, op);
      }
    }
    this.templated.sort((a, b) => compareSpecificity(a.specificity, b.specificity));
  }

  route(method: string, path: string): RouteResult<T> {
    const wanted = method.toLowerCase() as HttpMethod;
    const allowed = new Set<string>();
    const exact = this.exact.get(path);
    if (exact) {
      const found = pick(exact, wanted);
      if (found) return { kind: 'found', operation: found, pathParams: {} };
      for (const m of exact.methods.keys()) allowed.add(m.toUpperCase());
    }
    for (const entry of this.templated) {
      if (!path.startsWith(entry.prefix)) continue;
      const m = entry.regex.exec(path);
      if (!m) continue;
      const found = pick(entry, wanted);
      if (found) {
        const pathParams: Record<string, string> = {};
        entry.paramNames.forEach((name, i) => (pathParams[name] = m[i + 1] ?? ''));
        return { kind: 'found', operation: found, pathParams };
      }
      for (const method of entry.methods.keys()) allowed.add(method.toUpperCase());
    }
    if (allowed.size === 0) return { kind: 'not-found' };
    return { kind: 'method-not-allowed', allowed: [...allowed].sort() };
  }
}

/** HEAD is answered by GET when the description has no HEAD of its own, as HTTP servers do. */
function pick<T>(entry: Entry<T>, method: HttpMethod): T | undefined {
  return entry.methods.get(method) ?? (method === 'head' ? entry.methods.get('get') : undefined);
}

function uniqueServerPaths(servers: OpenAPIV3.ServerObject[]): ServerBase[] {
  const seen = new Set<string>();
  const out: ServerBase[] = [];
  for (const s of servers.length ? servers : [{ url: '/' }]) {
    const base = parseServer(s);
    if (seen.has(base.pathPattern)) continue;
    seen.add(base.pathPattern);
    out.push(base);
  }
  return out;
}

function makeEntry<T>(server: ServerBase, pathTemplate: string): Entry<T> {
  const path = pathTemplate.startsWith('/') ? pathTemplate : `/${pathTemplate}`;
  const paramNames: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRegExp(part);
      paramNames.push(name);
      return '([^/]+)';
    })
    .join('');
  const firstVariable = path.indexOf('{');
  const literalPath = firstVariable < 0 ? path : path.slice(0, firstVariable);
  return {
    template: server.pathTemplate + path,
    prefix: server.literal ? server.pathTemplate + literalPath : '',
    regex: new RegExp(`^${server.pathPattern}${source}$`),
    paramNames,
    specificity: path
      .split('/')
      .slice(1)
      .map((segment) => (!segment.includes('{') ? 2 : /^\{[^}]+\}$/.test(segment) ? 0 : 1)),
    methods: new Map(),
  };
}

function compareSpecificity(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? -1) - (a[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
