import type { OpenAPIV3 } from 'openapi-types';

/** One server of a description, split into what the mock serves (the path) and what callers call (the origin). */
export interface ServerBase {
  /** The URL as the description writes it, e.g. `https://slack.com/api` or `https://{region}.example.com/v{v}`. */
  url: string;
  /**
   * The path part with variables left in, no trailing slash: `''` for `https://api.twilio.com`, `/api` for
   * Slack. The mock serves every operation under it.
   */
  pathTemplate: string;
  /** A regular expression source matching the path part (variables replaced by their enum or any segment). */
  pathPattern: string;
  /** True when the path part has no variables, so plain string comparison is enough. */
  literal: boolean;
  /** Origins a caller may call, variables replaced by their default (and each enum value); none for relative URLs. */
  origins: string[];
}

/** At most this many origins per server: a URL with several enum variables would otherwise multiply. */
const MAX_ORIGINS = 32;

/** Splits a server URL (`scheme://host/path`, `//host/path` or `/path`) and resolves its variables. */
export function parseServer(server: OpenAPIV3.ServerObject): ServerBase {
  const vars = server.variables ?? {};
  // The scheme may itself be a variable (`{scheme}://api.example.com`).
  const m = /^(?:([a-z][a-z0-9+.-]*|\{[^}/]+\}):)?(?:\/\/([^/?#]*))?([^?#]*)/i.exec(server.url.trim());
  const scheme = m?.[1];
  const host = m?.[2];
  let pathTemplate = (m?.[3] ?? '').replace(/\/+$/, '');
  if (pathTemplate !== '' && !pathTemplate.startsWith('/')) pathTemplate = `/${pathTemplate}`;
  const literal = !/\{[^}]+\}/.test(pathTemplate);
  const pathPattern = pathTemplate
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return escapeRegExp(part);
      const values = vars[name]?.enum;
      return values?.length ? `(?:${values.map((v) => escapeRegExp(String(v))).join('|')})` : '[^/]+';
    })
    .join('');
  const origins =
    host === undefined || host === ''
      ? []
      : expand(`${scheme ?? 'https'}://${host}`, vars).slice(0, MAX_ORIGINS);
  return { url: server.url, pathTemplate, pathPattern, literal, origins };
}

/** Every substitution of the template's variables: defaults first, then each enum value. */
function expand(template: string, vars: Record<string, OpenAPIV3.ServerVariableObject>): string[] {
  let results = [template];
  for (const [name, v] of Object.entries(vars)) {
    const token = `{${name}}`;
    if (!template.includes(token)) continue;
    const values = [String(v.default), ...(v.enum ?? []).map(String)].filter(
      (x, i, all) => all.indexOf(x) === i,
    );
    results = results.flatMap((r) => values.map((value) => r.split(token).join(value)));
    if (results.length > MAX_ORIGINS) break;
  }
  return results.map((r) => r.toLowerCase());
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
