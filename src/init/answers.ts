import type { ConnectionParameterType, HttpMethod } from '../spec/types.js';
import { parseTemplate, type PlaceholderSource } from '../spec/placeholders.js';
import { FIELD_KEY, printable } from './names.js';

export const AUTH_TYPES = ['basic', 'custom', 'oauth2'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
export const GRANT_TYPES = ['authorization_code', 'client_credentials'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];
export const PLACEMENTS = ['header', 'query'] as const;
export type Placement = (typeof PLACEMENTS)[number];
/** --param types: dropdowns need a list of values, which a one-line flag cannot carry well. */
export const PARAM_TYPES: readonly ConnectionParameterType[] = ['text', 'password'];

/**
 * Keys the connection object already uses for the credentials (src/connector/contract.ts): a parameter with one of
 * these keys would shadow them.
 */
export const RESERVED_PARAM_KEYS: readonly string[] = ['username', 'password', 'access_token'];

export interface ParamAnswer {
  key: string;
  label: string;
  type: 'text' | 'password';
  required: boolean;
}

export type AuthAnswers =
  | { type: 'basic'; usernameLabel: string; passwordLabel: string }
  | {
      type: 'custom';
      placement: Placement;
      name: string;
      value: string;
      /** A token request (POST client id and secret) whose answer is the Session Token config value. */
      session?: { path: string; value: string };
    }
  | { type: 'oauth2'; grantType: GrantType; authorizeUrl?: string; tokenUrl: string; scopes: string[] };

/** Everything the scaffold is made from; produced by collectAnswers (flags, prompts, defaults). */
export interface InitAnswers {
  name: string;
  displayName: string;
  description: string;
  supportEmail: string;
  baseUrl: string;
  auth: AuthAnswers;
  params: ParamAnswer[];
  action: { name: string; method: HttpMethod; path: string };
}

/** `init --session-path`: the config value and connection parameters a token request makes (spec.ts). */
export const SESSION_CONFIG = {
  key: 'sessionToken',
  label: 'Session Token',
  clientId: { key: 'clientId', label: 'Client ID' },
  clientSecret: { key: 'clientSecret', label: 'Client Secret' },
} as const;

export const DEFAULTS = {
  supportEmail: 'support@example.com',
  usernameLabel: 'Username',
  passwordLabel: 'Password',
  actionName: 'Get Item',
  method: 'GET' as HttpMethod,
  path: (method: HttpMethod) => (method === 'POST' ? '/items' : '/items/${inputs.id}'),
  authName: (placement: Placement) => (placement === 'header' ? 'Authorization' : 'api_key'),
  authValue: (name: string, session = false) => {
    const key = session ? SESSION_CONFIG.key : 'apiKey';
    return name.toLowerCase() === 'authorization' ? `Bearer \${connection.${key}}` : `\${connection.${key}}`;
  },
  sessionValue: 'access_token',
  description: (displayName: string) => `Okta Workflows connector for ${displayName}.`,
};

// Each check returns a problem (a sentence without the flag name) or undefined.

const CONTROL = /[\u0000-\u001f\u007f]/;

export function labelProblem(value: string, max = 100): string | undefined {
  if (value.trim() === '') return 'must not be empty';
  if (CONTROL.test(value))
    return `must be one line of text without control characters ("${printable(value)}")`;
  if (value.length > max) return `must be at most ${max} characters`;
  return undefined;
}

export function descriptionProblem(value: string): string | undefined {
  if (value.trim() === '') return 'must not be empty';
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  return undefined;
}

export function emailProblem(value: string): string | undefined {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
    ? undefined
    : `"${printable(value)}" is not an email address`;
}

/** Placeholder syntax, and which sources may appear in this template. */
function templateProblem(value: string, allowed: readonly PlaceholderSource[]): string | undefined {
  const { parts, problems } = parseTemplate(value);
  if (problems[0]) return problems[0].message;
  for (const part of parts) {
    if (part.kind === 'ref' && !allowed.includes(part.source)) {
      return `${part.raw} is not allowed here; use ${allowed.map((s) => `\${${s}.<key>}`).join(' or ')}`;
    }
    if (part.kind === 'ref' && !FIELD_KEY.test(part.key)) {
      return `${part.raw}: a key is a letter, then letters, digits or underscores`;
    }
  }
  return undefined;
}

/** An absolute http(s) URL without query or fragment; `${connection.<key>}` placeholders allowed (e.g. a subdomain). */
export function urlProblem(value: string, allowConnectionRefs: boolean): string | undefined {
  if (!/^https?:\/\//.test(value))
    return `"${printable(value)}" must be an absolute URL starting with https://`;
  if (/\s/.test(value)) return 'must not contain spaces';
  const problem = templateProblem(value, allowConnectionRefs ? ['connection'] : []);
  if (problem) return problem;
  let url: URL;
  try {
    url = new URL(value.replace(/\$\{[^}]*\}/g, 'x'));
  } catch {
    return `"${printable(value)}" is not a valid URL`;
  }
  if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    return 'must not contain a query (?) or fragment (#)';
  }
  return undefined;
}

export function pathProblem(value: string): string | undefined {
  if (!value.startsWith('/')) return `"${printable(value)}" must start with /`;
  if (/\s/.test(value)) return 'must not contain spaces';
  if (value.includes('#')) return 'must not contain a fragment (#)';
  return templateProblem(value, ['inputs', 'options', 'connection']);
}

export function authValueProblem(value: string): string | undefined {
  if (value.trim() === '') return 'must not be empty';
  if (CONTROL.test(value)) return 'must not contain control characters';
  return templateProblem(value, ['connection']);
}

/** HTTP header names are RFC 9110 tokens; query parameter names must not break the query string. */
export function authNameProblem(value: string, placement: Placement): string | undefined {
  if (placement === 'header' && !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(value)) {
    return `"${printable(value)}" is not a valid HTTP header name`;
  }
  if (placement === 'query' && !/^[^\s&=#?]+$/.test(value)) {
    return `"${printable(value)}" is not a valid query parameter name`;
  }
  return undefined;
}

export function paramKeyProblem(key: string): string | undefined {
  if (!FIELD_KEY.test(key)) {
    return `"${printable(key)}" is not a valid key: use a letter, then letters, digits or underscores (e.g. subdomain)`;
  }
  if (RESERVED_PARAM_KEYS.includes(key)) return `"${key}" is reserved for the connection's credentials`;
  return undefined;
}

/** Scopes as typed: separated by spaces or commas. */
export function splitScopes(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

/**
 * `--param key:label[:type[:required]]`. Type and required are recognised from the right, so a label may itself
 * contain colons (`region:Region: EU or US`). Okta presents connection parameters as required (reference §2.3), so
 * that is the default; `optional` (or `false`) turns it off.
 */
export function parseParamFlag(spec: string): { param?: ParamAnswer; problem?: string } {
  const parts = spec.split(':');
  const key = (parts.shift() ?? '').trim();
  let required = true;
  let type: ParamAnswer['type'] = 'text';
  const last = () => (parts.at(-1) ?? '').trim().toLowerCase();
  if (parts.length > 1 && ['required', 'optional', 'true', 'false'].includes(last())) {
    required = last() === 'required' || last() === 'true';
    parts.pop();
  }
  if (parts.length > 1 && ['text', 'password', 'dropdown'].includes(last())) {
    if (last() === 'dropdown') {
      return {
        problem: `"${printable(spec)}": dropdown parameters need a list of values; add the parameter as text and edit connector.yaml`,
      };
    }
    type = last() as ParamAnswer['type'];
    parts.pop();
  }
  const label = parts.join(':').trim();
  const keyProblem = paramKeyProblem(key);
  if (keyProblem) return { problem: `"${printable(spec)}": ${keyProblem}` };
  if (parts.length === 0)
    return { problem: `"${printable(spec)}" must look like key:label[:text|password[:required|optional]]` };
  const lp = labelProblem(label);
  if (lp) return { problem: `"${printable(spec)}": the label ${lp}` };
  return { param: { key, label, type, required } };
}
