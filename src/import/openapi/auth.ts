import type { OpenAPIV3 } from 'openapi-types';
import type { OpenApiDocument } from '../../openapi/load.js';
import { resolveRef, type OpenApiOperation } from '../../openapi/operations.js';
import type { Authentication, ConnectionParameter } from '../../spec/types.js';
import { Comments } from './comments.js';
import { plainText } from './names.js';

type Scheme = OpenAPIV3.SecuritySchemeObject;

/** The connector's authentication, taken from the scheme most of the selected operations use. */
export interface AuthChoice {
  authentication: Authentication;
  /** Connection parameters the authentication needs (the API key or token). */
  parameters: ConnectionParameter[];
  /** The chosen scheme's name in the description; undefined when it declares none. */
  scheme?: string;
  /**
   * The connection value that is the credential (`${connection.access_token}`), when one value is: a parameter
   * named like it is a copy of it (see credentialRole).
   */
  secret?: string;
  /** An apiKey scheme's own parameter: the authentication sends it, so operations never ask for it. */
  schemeParameter?: { in: string; name: string };
  /** Comments on `authentication` (relative to it) and the summary's one-line description. */
  comments: Comments;
  describe: string;
}

/** The connection key an API key or bearer token is kept under. */
const API_KEY = 'apiKey';
const ACCESS_TOKEN = 'accessToken';

/**
 * Picks the security scheme most of `ops` accept (ties: the order the description declares schemes in) among those
 * Connector Builder can do: HTTP basic and bearer, API keys in a header, query or cookie, OAuth 2.0 authorization
 * code and client credentials (OpenID Connect and OAuth flows Okta cannot run become a pasted bearer token, said in a
 * comment). The other schemes are named in a comment.
 */
export function chooseAuthentication(
  doc: OpenApiDocument,
  ops: readonly OpenApiOperation[],
  server: OpenAPIV3.ServerObject,
): AuthChoice {
  const schemes = Object.entries(doc.components?.securitySchemes ?? {}).map(
    ([name, s]) => [name, resolveRef<Scheme>(doc, s)] as const,
  );
  const uses = new Map<string, number>();
  for (const op of ops)
    for (const name of new Set(op.security.flatMap((req) => Object.keys(req))))
      uses.set(name, (uses.get(name) ?? 0) + 1);
  const usable = schemes
    .filter(([, s]) => supported(s))
    .sort(([a], [b]) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0));
  const comments = new Comments();
  const chosen = usable[0];
  if (!chosen)
    return noScheme(
      comments,
      schemes.map(([n]) => n),
      ops,
    );
  const [name, scheme] = chosen;
  if ((uses.get(name) ?? 0) === 0)
    comments.review([], `no selected operation names a security scheme; "${name}" is assumed`);
  const others = schemes.map(([n]) => n).filter((n) => n !== name);
  if (others.length > 0) {
    comments.review(
      [],
      `the description also declares ${others.map((n) => `"${n}"`).join(', ')}; "${name}" is used by the most selected operations`,
    );
  }
  return fromScheme(name, scheme, server, comments);
}

function supported(s: Scheme): boolean {
  if (s.type === 'http') return /^(basic|bearer)$/i.test(s.scheme);
  if (s.type === 'apiKey') return ['header', 'query', 'cookie'].includes(s.in);
  if (s.type === 'oauth2' || s.type === 'openIdConnect') return true;
  return false;
}

function fromScheme(name: string, s: Scheme, server: OpenAPIV3.ServerObject, comments: Comments): AuthChoice {
  const described = plainText('description' in s ? s.description : undefined, 200);
  if (s.type === 'http' && s.scheme.toLowerCase() === 'basic') {
    comments.review(
      [],
      `HTTP basic authentication ("${name}"): relabel username and password for your users`,
    );
    return {
      authentication: {
        type: 'basic',
        username: { label: 'Username' },
        password: { label: 'Password', ...(described && { description: described }) },
      },
      parameters: [],
      scheme: name,
      comments,
      describe: `basic (from "${name}")`,
    };
  }
  if (s.type === 'apiKey') {
    const param = secretParameter(
      API_KEY,
      'API Key',
      described ?? `The API key sent as the ${s.name} ${s.in === 'query' ? 'query parameter' : s.in}.`,
    );
    const authentication: Authentication =
      s.in === 'cookie'
        ? {
            type: 'custom',
            placement: 'header',
            name: 'Cookie',
            value: `${s.name}=\${connection.${API_KEY}}`,
          }
        : {
            type: 'custom',
            placement: s.in === 'query' ? 'query' : 'header',
            name: s.name,
            value: `\${connection.${API_KEY}}`,
          };
    if (s.in === 'cookie')
      comments.note([], `the API key is a cookie ("${s.name}"), sent in the Cookie header`);
    return {
      authentication,
      parameters: [param],
      scheme: name,
      secret: `\${connection.${API_KEY}}`,
      schemeParameter: { in: s.in, name: s.name },
      comments,
      describe: `custom: API key in the ${s.in} "${s.name}" (from "${name}")`,
    };
  }
  if (s.type === 'oauth2') {
    const code = s.flows.authorizationCode;
    const client = s.flows.clientCredentials;
    if (code || client) {
      if (code && client)
        comments.review(
          [],
          `"${name}" offers the authorization code and client credentials grants; authorization code is used`,
        );
      const flow = code ?? client!;
      const absolute = (url: string) => {
        const resolved = resolveAgainstServer(url, server);
        if (resolved.usedDefaults)
          comments.review(
            [],
            `${url} is relative to the server; resolved with the server variables' defaults`,
          );
        return resolved.url;
      };
      const authentication: Authentication = {
        type: 'oauth2',
        grantType: code ? 'authorization_code' : 'client_credentials',
        ...(code && { authorizeUrl: absolute(code.authorizationUrl) }),
        tokenUrl: absolute(flow.tokenUrl),
      };
      return {
        authentication,
        parameters: [],
        scheme: name,
        secret: '${connection.access_token}',
        comments,
        describe: `oauth2 ${code ? 'authorization_code' : 'client_credentials'} (from "${name}")`,
      };
    }
    comments.review(
      [],
      `"${name}" offers only OAuth 2.0 flows Connector Builder cannot run (${Object.keys(s.flows).join(', ')}); users paste an access token`,
    );
    return bearer(name, comments, described);
  }
  if (s.type === 'openIdConnect') {
    comments.review(
      [],
      `"${name}" is OpenID Connect (${s.openIdConnectUrl}); users paste an access token. Consider OAuth 2.0 with its endpoints`,
    );
    return bearer(name, comments, described);
  }
  return bearer(name, comments, described);
}

function bearer(name: string, comments: Comments, described: string | undefined): AuthChoice {
  return {
    authentication: {
      type: 'custom',
      placement: 'header',
      name: 'Authorization',
      value: `Bearer \${connection.${ACCESS_TOKEN}}`,
    },
    parameters: [
      secretParameter(
        ACCESS_TOKEN,
        'Access Token',
        described ?? 'The token sent as "Authorization: Bearer <token>".',
      ),
    ],
    scheme: name,
    secret: `\${connection.${ACCESS_TOKEN}}`,
    comments,
    describe: `custom: bearer token (from "${name}")`,
  };
}

/**
 * Without a usable scheme, the credential parameter the operations themselves declare (an `api_key` query
 * parameter, an `X-API-Key` header) is where the credential goes; failing that, a bearer token is assumed.
 */
function noScheme(comments: Comments, unsupported: string[], ops: readonly OpenApiOperation[]): AuthChoice {
  const why =
    unsupported.length > 0
      ? `none of the description's security schemes (${unsupported.join(', ')}) is one Connector Builder supports`
      : 'the description declares no security scheme';
  const param = credentialParameter(ops);
  if (param) {
    const where = param.in === 'query' ? 'query parameter' : 'header';
    comments.review([], `${why}; the ${where} "${param.name}" the operations take is the credential`);
    const scheme: Scheme = { type: 'apiKey', in: param.in, name: param.name };
    return {
      ...fromScheme(param.name, scheme, { url: '/' }, comments),
      scheme: undefined,
      describe: `custom: API key in the ${param.in} "${param.name}" (assumed from the operations' parameters: no usable security scheme)`,
    };
  }
  comments.review(
    [],
    unsupported.length > 0
      ? `${why}; a bearer token is assumed`
      : `${why}; a bearer token is assumed. Change it to what the API wants`,
  );
  const choice = bearer('none', comments, undefined);
  return {
    ...choice,
    scheme: undefined,
    describe: 'custom: bearer token (assumed: no usable security scheme)',
  };
}

/** The header or query parameter named like a credential that most operations declare (ties: the first met). */
function credentialParameter(
  ops: readonly OpenApiOperation[],
): { in: 'header' | 'query'; name: string } | undefined {
  const counts = new Map<string, { in: 'header' | 'query'; name: string; n: number }>();
  for (const op of ops) {
    for (const p of op.parameters) {
      if ((p.in !== 'header' && p.in !== 'query') || !CREDENTIAL_NAME.test(p.name)) continue;
      const key = `${p.in} ${p.name.toLowerCase()}`;
      const entry = counts.get(key) ?? { in: p.in, name: p.name, n: 0 };
      entry.n++;
      counts.set(key, entry);
    }
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best && { in: best.in, name: best.name };
}

function secretParameter(key: string, label: string, description: string): ConnectionParameter {
  return { key, label, type: 'password', required: true, description };
}

/** An OAuth URL as an absolute URL: relative ones resolve against the server, its variables at their defaults. */
function resolveAgainstServer(
  url: string,
  server: OpenAPIV3.ServerObject,
): { url: string; usedDefaults: boolean } {
  if (/^https?:\/\//i.test(url)) return { url, usedDefaults: false };
  let base = server.url;
  for (const [name, variable] of Object.entries(server.variables ?? {}))
    base = base.split(`{${name}}`).join(variable.default);
  try {
    return { url: new URL(url, base).href, usedDefaults: base !== server.url };
  } catch {
    return { url, usedDefaults: false };
  }
}

/**
 * Whether the connector's authentication satisfies an operation's security: one of its alternatives is empty
 * (anonymous allowed) or names only the chosen scheme. Returns the reason to skip it otherwise.
 */
export function securityProblem(choice: AuthChoice, op: OpenApiOperation): string | undefined {
  if (op.security.length === 0 || !choice.scheme) return undefined;
  const names = op.security.map((req) => Object.keys(req));
  if (names.some((n) => n.length === 0 || (n.length === 1 && n[0] === choice.scheme))) return undefined;
  const together = names.find((n) => n.includes(choice.scheme!));
  if (together)
    return `it needs the security schemes ${together.join(' and ')} together; a connector has one`;
  return `it uses ${[...new Set(names.flat())].map((n) => `"${n}"`).join(' or ')}, not the connector's "${choice.scheme}"`;
}

/** The OAuth 2.0 scopes the operations ask of the chosen scheme, in the order the scheme lists them. */
export function scopesFor(
  doc: OpenApiDocument,
  choice: AuthChoice,
  ops: readonly OpenApiOperation[],
): string[] {
  if (!choice.scheme) return [];
  const wanted = new Set(ops.flatMap((op) => op.security.flatMap((req) => req[choice.scheme!] ?? [])));
  const scheme = doc.components?.securitySchemes?.[choice.scheme];
  const flows = scheme ? resolveRef<Scheme>(doc, scheme) : undefined;
  const declared =
    flows?.type === 'oauth2'
      ? Object.keys((flows.flows.authorizationCode ?? flows.flows.clientCredentials)?.scopes ?? {})
      : [];
  return [
    ...declared.filter((s) => wanted.has(s)),
    ...[...wanted].filter((s) => !declared.includes(s)).sort(),
  ];
}

/** Parameter names that carry a credential the authentication already holds. */
const CREDENTIAL_NAME = /^(token|access[_-]?token|api[_-]?key|apikey|x-api-key|auth[_-]?token)$/i;

/**
 * What an operation's parameter (or form field) is to the authentication: `auth` when it is the credential the
 * authentication sends (the apiKey scheme's own parameter, the Authorization header), `copy` when it is the
 * credential again under another name (Slack's `token` header, query parameter and form field beside its OAuth
 * scheme), undefined when it is an ordinary parameter. Neither is ever sent by a request or asked for as an input:
 * the credential travels only where the security scheme puts it (a copy in a query string would end up in logs,
 * and Slack refuses a token in the query from newer apps even beside a valid Authorization header).
 */
export function credentialRole(choice: AuthChoice, where: string, name: string): 'auth' | 'copy' | undefined {
  const own = choice.schemeParameter;
  if (own && own.in === where && own.name.toLowerCase() === name.toLowerCase()) return 'auth';
  if (where === 'header' && name.toLowerCase() === 'authorization') return 'auth';
  if (choice.secret && CREDENTIAL_NAME.test(name)) return 'copy';
  return undefined;
}

/** Where the authentication sends the credential, for comments: `the Authorization header (Bearer)`. */
export function credentialPlace(authentication: Authentication): string {
  switch (authentication.type) {
    case 'basic':
      return 'the Authorization header (Basic)';
    case 'oauth2':
      return 'the Authorization header (Bearer)';
    case 'custom':
      if (authentication.placement === 'query') return `the query parameter ${authentication.name}`;
      return `the ${authentication.name} header${/^bearer /i.test(authentication.value) ? ' (Bearer)' : ''}`;
  }
}
