import type { IncomingHttpHeaders } from 'node:http';
import type { OpenAPIV3 } from 'openapi-types';
import type { FormFields } from '../http/form.js';
import { basicUser } from '../http/redact.js';
import { MockProblem, type Violation } from './problem.js';

export type SecuritySchemes = Record<string, OpenAPIV3.SecuritySchemeObject>;

export interface CredentialSources {
  headers: IncomingHttpHeaders;
  query: FormFields;
  cookies: Record<string, string>;
}

/**
 * Checks that the request carries the credentials the operation's security requires: any one requirement
 * (alternatives), with every scheme it names (all together). Only presence and form are checked (a mock knows
 * no real secrets): HTTP Basic must decode to `user:password`, a bearer (http bearer, oauth2, openIdConnect)
 * must be `Authorization: Bearer <token>`, an apiKey must be in its header, query parameter or cookie. Throws a
 * 401 with `WWW-Authenticate` naming the HTTP schemes that would do.
 */
export function checkSecurity(
  requirements: readonly OpenAPIV3.SecurityRequirementObject[],
  schemes: SecuritySchemes,
  sources: CredentialSources,
): void {
  if (requirements.length === 0) return;
  const failures = new Map<string, Violation>();
  for (const requirement of requirements) {
    let satisfied = true;
    for (const name of Object.keys(requirement)) {
      const scheme = schemes[name];
      // A requirement naming a scheme the description never defines cannot be checked; do not invent one.
      const why = scheme ? missing(scheme, sources) : undefined;
      if (why === undefined) continue;
      satisfied = false;
      if (!failures.has(name))
        failures.set(name, { in: 'security', name, rule: 'credentials', message: why });
    }
    if (satisfied) return;
  }
  const challenges = [...failures.keys()]
    .map((name) => challenge(schemes[name]!))
    .filter((c, i, all): c is string => c !== undefined && all.indexOf(c) === i);
  throw new MockProblem(
    'unauthorized',
    [...failures.values()].map((v) => ({ ...v, allowed: [...failures.keys()] })),
    challenges.length ? { 'WWW-Authenticate': challenges.join(', ') } : {},
  );
}

/** Why the scheme's credentials are missing, or undefined when they are there. */
function missing(scheme: OpenAPIV3.SecuritySchemeObject, { headers, query, cookies }: CredentialSources) {
  const authorization = headers.authorization ?? '';
  const space = authorization.indexOf(' ');
  const authScheme = (space < 0 ? authorization : authorization.slice(0, space)).toLowerCase();
  const token = space < 0 ? '' : authorization.slice(space + 1).trim();
  switch (scheme.type) {
    case 'http': {
      const wanted = scheme.scheme.toLowerCase();
      if (wanted === 'basic') {
        return authScheme === 'basic' && token !== '' && basicUser(token) !== undefined
          ? undefined
          : 'expects HTTP Basic credentials: Authorization: Basic base64(username:password)';
      }
      return authScheme === wanted && token !== ''
        ? undefined
        : `expects Authorization: ${scheme.scheme.charAt(0).toUpperCase()}${scheme.scheme.slice(1)} <credentials>`;
    }
    case 'oauth2':
    case 'openIdConnect':
      return authScheme === 'bearer' && token !== ''
        ? undefined
        : `expects an OAuth 2.0 access token: Authorization: Bearer <token>`;
    case 'apiKey': {
      const present =
        scheme.in === 'header'
          ? (headers[scheme.name.toLowerCase()] ?? '') !== ''
          : scheme.in === 'query'
            ? Object.prototype.hasOwnProperty.call(query, scheme.name) && query[scheme.name] !== ''
            : (cookies[scheme.name] ?? '') !== '';
      return present
        ? undefined
        : `expects an API key in the ${scheme.in} ${scheme.in === 'header' ? 'header ' : ''}${scheme.name}`;
    }
    default:
      // mutualTLS: the mock serves plain HTTP; nothing to check.
      return undefined;
  }
}

function challenge(scheme: OpenAPIV3.SecuritySchemeObject): string | undefined {
  if (scheme.type === 'http') {
    const name = scheme.scheme.charAt(0).toUpperCase() + scheme.scheme.slice(1).toLowerCase();
    return name === 'Basic' ? 'Basic realm="okta-connector mock"' : name;
  }
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return 'Bearer';
  return undefined;
}

/** Names that carry credentials by the description's own word: its apiKey schemes' header, query and cookie names. */
export function credentialNames(schemes: SecuritySchemes): {
  header: Set<string>;
  query: Set<string>;
  cookie: Set<string>;
} {
  const out = { header: new Set<string>(), query: new Set<string>(), cookie: new Set<string>() };
  for (const s of Object.values(schemes)) {
    if (s.type !== 'apiKey') continue;
    const bucket = s.in === 'header' ? out.header : s.in === 'query' ? out.query : out.cookie;
    bucket.add(s.in === 'header' ? s.name.toLowerCase() : s.name);
  }
  return out;
}
