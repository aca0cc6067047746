import type { ConnectorSpec } from '../spec/types.js';
import { parseTemplate } from '../spec/placeholders.js';

/** The Overview › Authentication settings a person enters in Connector Builder (reference §2.3). */
export interface AuthenticationModel {
  typeLabel: string;
  isBasic: boolean;
  isCustom: boolean;
  isOAuth2: boolean;
  /** Basic: the relabelled Username / Password fields. */
  credentials: Array<{ field: string; label: string; description: string }>;
  parameters: Array<{
    label: string;
    key: string;
    type: string;
    required: boolean;
    description: string;
    values: Array<{ label: string; value: string }>;
    pattern: string | null;
  }>;
  custom: { placement: string; name: string; value: string } | null;
  oauth2: {
    grantType: string;
    authorizeUrl: string | null;
    tokenUrl: string;
    scopes: string[];
    refresh: boolean;
    revokeUrl: string | null;
    /** Client credentials: the Client Authentication Type as Connector Builder words it; null otherwise. */
    clientAuthentication: string | null;
    /** Authorization code: the redirect URIs to register with the service, and what Connector Builder lacks. */
    authorizationCode: boolean;
  } | null;
  baseUrl: string;
  /** The fields of the New Connection dialog as numbered steps after the three fixed ones (Connections, choose, nickname). */
  connectionSteps: Array<{ number: number; label: string; text: string }>;
  /** The number of the final Create step. */
  createStep: number;
  /** OAuth 2.0 authorization code: Create opens the service's sign-in to allow access. */
  signsIn: boolean;
}

/** Steps 1–3 of the New Connection dialog are always the same: open Connections, choose the connector, nickname. */
const FIXED_CONNECTION_STEPS = 3;

const PARAMETER_TYPES: Record<string, string> = {
  text: 'Text',
  password: 'Password',
  dropdown: 'Dropdown List',
};

export function authenticationModel(spec: ConnectorSpec): AuthenticationModel {
  const auth = spec.authentication;
  const params = spec.connectionParameters ?? [];
  const labelOf = new Map(params.map((p) => [p.key, p.label] as const));
  return {
    typeLabel: auth.type === 'basic' ? 'Basic' : auth.type === 'custom' ? 'Custom' : 'OAuth 2.0',
    isBasic: auth.type === 'basic',
    isCustom: auth.type === 'custom',
    isOAuth2: auth.type === 'oauth2',
    credentials:
      auth.type === 'basic'
        ? [
            {
              field: 'Username',
              label: auth.username?.label ?? 'Username',
              description: auth.username?.description ?? '',
            },
            {
              field: 'Password',
              label: auth.password?.label ?? 'Password',
              description: auth.password?.description ?? '',
            },
          ]
        : [],
    parameters: params.map((p) => ({
      label: p.label,
      key: p.key,
      type: PARAMETER_TYPES[p.type] ?? p.type,
      required: p.required !== false,
      description: p.description ?? '',
      values: p.values ?? [],
      pattern: p.pattern ?? null,
    })),
    custom:
      auth.type === 'custom'
        ? { placement: auth.placement, name: auth.name, value: readableTemplate(auth.value, labelOf) }
        : null,
    oauth2:
      auth.type === 'oauth2'
        ? {
            grantType: auth.grantType === 'authorization_code' ? 'Authorization Code' : 'Client Credentials',
            authorizeUrl: auth.authorizeUrl ?? null,
            tokenUrl: auth.tokenUrl,
            scopes: auth.scopes ?? [],
            refresh: auth.refresh ?? auth.grantType === 'authorization_code',
            revokeUrl: auth.revokeUrl ?? null,
            clientAuthentication:
              auth.grantType !== 'client_credentials'
                ? null
                : auth.clientAuthentication === 'body'
                  ? 'Send as basic auth body (client_secret_post)'
                  : 'Send as basic auth header (client_secret_basic)',
            authorizationCode: auth.grantType === 'authorization_code',
          }
        : null,
    baseUrl: readableTemplate(spec.baseUrl, labelOf),
    ...connectionSteps(spec),
  };
}

function connectionSteps(
  spec: ConnectorSpec,
): Pick<AuthenticationModel, 'connectionSteps' | 'createStep' | 'signsIn'> {
  const auth = spec.authentication;
  const fields: Array<{ label: string; text: string }> = [];
  if (auth.type === 'basic') {
    for (const [field, given] of [
      ['Username', auth.username],
      ['Password', auth.password],
    ] as const) {
      const label = given?.label ?? field;
      fields.push({ label, text: given?.description || `your ${label}.` });
    }
  }
  for (const p of spec.connectionParameters ?? []) {
    const type = PARAMETER_TYPES[p.type] ?? p.type;
    const choices = p.values?.length ? ` One of: ${p.values.map((v) => v.label).join(', ')}` : '';
    const required = p.required !== false ? ', required' : '';
    fields.push({ label: p.label, text: `(${type}${required}) ${p.description ?? ''}${choices}`.trim() });
  }
  const connectionStepsList = fields.map((f, i) => ({ number: FIXED_CONNECTION_STEPS + 1 + i, ...f }));
  return {
    connectionSteps: connectionStepsList,
    createStep: FIXED_CONNECTION_STEPS + 1 + fields.length,
    signsIn: auth.type === 'oauth2' && auth.grantType === 'authorization_code',
  };
}

/** `https://…/Accounts/${connection.accountSid}` → `https://…/Accounts/{Account SID}`: a template, never a value. */
export function readableTemplate(template: string, labels: ReadonlyMap<string, string>): string {
  return parseTemplate(template)
    .parts.map((p) =>
      p.kind === 'text'
        ? p.text
        : `{${p.source === 'connection' ? (labels.get(p.key) ?? p.key) : `${p.source}.${p.key}`}}`,
    )
    .join('');
}
