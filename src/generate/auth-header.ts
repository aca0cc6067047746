import {
  assignIf,
  base64,
  concat,
  construct,
  type FlowBuilder,
  type OutputRef,
  type Value,
} from '../flopack/builder/index.js';
import { SELECTED_AUTH } from '../connector/contract.js';
import { authMethods, hasSeveralAuthMethods } from '../spec/auth-types.js';
import type { Authentication, ConnectorSpec } from '../spec/types.js';
import type { TemplateScope } from './template-scope.js';
import { textValue } from './templates.js';

/** What httpHelper merges into the request for the connection's authentication. */
export interface AuthParts {
  /** Merged last into the headers (so callers never override Authorization); absent when nothing goes there. */
  authHeaders?: OutputRef;
  /** Merged into the query (custom auth in the query). */
  authQuery?: OutputRef;
}

/**
 * The auth header or query parameter httpHelper sends. One method: its cards alone (Basic: Concatenate
 * username:password → Base64 → "Basic " + …; OAuth 2.0: "Bearer " + access_token; custom: the spec's value).
 * Several methods (help page authentication-multi.htm): each method's object is built, and Assign If cards keyed
 * on the connection's Selected Auth (contract SELECTED_AUTH) pick the one of the method the connection uses; a
 * connection without one (or with an unknown key) uses the first method. Each method has both a header object and
 * a query object (empty when it sends nothing there), so the picked method's header and query travel together.
 */
export function authValues(
  flow: FlowBuilder,
  scope: TemplateScope,
  connection: (key: string) => OutputRef,
  spec: ConnectorSpec,
): AuthValues {
  const several = hasSeveralAuthMethods(spec);
  return {
    flow,
    selected: several ? connection(SELECTED_AUTH.key) : undefined,
    methods: authMethods(spec).map((auth, i) =>
      methodValue(flow, scope, connection, auth, several ? `auth/${auth.key ?? i}` : 'auth'),
    ),
  };
}

/** Each method's header or query value, built by authValues (before the default headers, as cards are ordered). */
export interface AuthValues {
  flow: FlowBuilder;
  /** The connection's Selected Auth, with several methods. */
  selected: OutputRef | undefined;
  methods: MethodValue[];
}

interface MethodValue {
  auth: Authentication;
  path: string;
  /** The card-name suffix saying which method a card belongs to (empty with one method). */
  of: string;
  name: string;
  value: Value;
  inQuery: boolean;
}

/** The `{name: value}` objects httpHelper merges, picked by the Selected Auth when there are several methods. */
export function authParts(values: AuthValues): AuthParts {
  const { flow, methods, selected } = values;
  const built = methods.map((m) => ({
    ...m,
    object: construct(
      flow,
      `${m.path}/object`,
      [{ key: m.name, value: m.value }],
      `${m.inQuery ? 'Construct auth query' : 'Construct auth header'}${m.of}`,
    ),
  }));
  if (!selected) {
    const one = built[0]!;
    return one.inQuery ? { authQuery: one.object } : { authHeaders: one.object };
  }
  const pick = (part: 'header' | 'query'): OutputRef | undefined => {
    if (!built.some((b) => (part === 'query') === b.inQuery)) return undefined;
    const of = (b: (typeof built)[number]) => ((part === 'query') === b.inQuery ? b.object : {});
    let chosen: Value = of(built[0]!);
    for (const b of built.slice(1)) {
      chosen = assignIf(
        flow,
        `auth/select/${part}/${b.auth.key}`,
        { left: selected, operator: '==', right: b.auth.key! },
        of(b),
        chosen,
        'object',
        `${part === 'query' ? 'Auth query' : 'Auth header'} if ${b.auth.label ?? b.auth.key}`,
      );
    }
    return chosen as OutputRef;
  };
  const authHeaders = pick('header');
  const authQuery = pick('query');
  return { ...(authHeaders ? { authHeaders } : {}), ...(authQuery ? { authQuery } : {}) };
}

/** One method's header (or query parameter) name and value. */
function methodValue(
  flow: FlowBuilder,
  scope: TemplateScope,
  connection: (key: string) => OutputRef,
  a: Authentication,
  path: string,
): MethodValue {
  // One method keeps the card names it always had; several say which method each card belongs to.
  const of = path === 'auth' ? '' : ` (${a.label ?? a.key})`;
  let name = 'Authorization';
  let value: Value;
  if (a.type === 'basic') {
    const pair = concat(
      flow,
      `${path}/pair`,
      [connection('username'), ':', connection('password')],
      `Concatenate username:password${of}`,
    );
    value = concat(
      flow,
      `${path}/basic`,
      ['Basic ', base64(flow, `${path}/base64`, pair, `Base64 credentials${of}`)],
      `Concatenate Basic${of}`,
    );
  } else if (a.type === 'oauth2') {
    value = concat(
      flow,
      `${path}/bearer`,
      ['Bearer ', connection('access_token')],
      `Concatenate Bearer${of}`,
    );
  } else {
    name = a.name;
    value = textValue(scope, `${path}/custom`, a.value, { name: `Compose ${a.name}${of}` });
  }
  return { auth: a, path, of, name, value, inQuery: a.type === 'custom' && a.placement === 'query' };
}
