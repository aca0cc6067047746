import { SELECTED_AUTH, configValueFlowName } from '../connector/contract.js';
import { allConfigValues, authMethods, configValuesOf, hasSeveralAuthMethods } from '../spec/auth-types.js';
import type { Authentication, ConnectorSpec } from '../spec/types.js';
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
  /** Config Values of the method (Authentication dialog › Config Values). */
  configValues: ConfigValueModel[];
  baseUrl: string;
  /** Several methods (Add Authentication): each one's settings; one method: a list of that one. */
  methods: MethodModel[];
  several: boolean;
  /** With several methods: the Selected Auth field of httpHelper's Auth section. */
  selectedAuth: string;
  /** The fields of the New Connection dialog as numbered steps after the three fixed ones (Connections, choose, nickname). */
  connectionSteps: Array<{ number: number; label: string; text: string }>;
  /** The number of the final Create step. */
  createStep: number;
  /** OAuth 2.0 authorization code: Create opens the service's sign-in to allow access. */
  signsIn: boolean;
}

/** One method's settings in its Authentication dialog. */
export type MethodModel = Pick<
  AuthenticationModel,
  'typeLabel' | 'isBasic' | 'isCustom' | 'isOAuth2' | 'credentials' | 'custom' | 'oauth2' | 'configValues'
> & {
  key: string | null;
  label: string | null;
  number: number;
  first: boolean;
  /** Repeated from the model so the template's loop over methods reads them in place. */
  several: boolean;
  selectedAuth: string;
};

/** A Config Value row: Label, Definition, Type, Visible. */
export interface ConfigValueModel {
  label: string;
  key: string;
  definition: string;
  /** Static Value: the value; Value from Helper Flow: the flow to choose. */
  value: string | null;
  flow: string | null;
  type: string;
  visible: boolean;
}

/** Steps 1–3 of the New Connection dialog are always the same: open Connections, choose the connector, nickname. */
const FIXED_CONNECTION_STEPS = 3;

const PARAMETER_TYPES: Record<string, string> = {
  text: 'Text',
  password: 'Password',
  dropdown: 'Dropdown List',
};

export function authenticationModel(spec: ConnectorSpec): AuthenticationModel {
  const params = spec.connectionParameters ?? [];
  const labelOf = new Map(params.map((p) => [p.key, p.label] as const));
  for (const { config } of allConfigValues(spec)) labelOf.set(config.key, config.label);
  const methods = authMethods(spec).map((auth, i) => ({
    ...methodModel(auth, labelOf),
    key: auth.key ?? null,
    label: auth.label ?? null,
    number: i + 1,
    first: i === 0,
    several: hasSeveralAuthMethods(spec),
    selectedAuth: SELECTED_AUTH.label,
  }));
  const {
    key: _key,
    label: _label,
    number: _number,
    first: _first,
    several: _several,
    selectedAuth: _selected,
    ...primary
  } = methods[0]!;
  return {
    ...primary,
    parameters: params.map((p) => ({
      label: p.label,
      key: p.key,
      type: PARAMETER_TYPES[p.type] ?? p.type,
      required: p.required !== false,
      description: p.description ?? '',
      values: p.values ?? [],
      pattern: p.pattern ?? null,
    })),
    baseUrl: readableTemplate(spec.baseUrl, labelOf),
    methods,
    several: hasSeveralAuthMethods(spec),
    selectedAuth: SELECTED_AUTH.label,
    ...connectionSteps(spec),
  };
}

function methodModel(
  auth: Authentication,
  labelOf: ReadonlyMap<string, string>,
): Omit<MethodModel, 'key' | 'label' | 'number' | 'first' | 'several' | 'selectedAuth'> {
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
    configValues: configValuesOf(auth).map((c) => ({
      label: c.label,
      key: c.key,
      definition: c.helperFlow ? 'Value from Helper Flow' : 'Static Value',
      value: c.value ?? null,
      flow: c.helperFlow ? configValueFlowName(c.label) : null,
      type: c.type === 'password' ? 'Password' : 'Text',
      visible: c.visible !== false,
    })),
  };
}

function connectionSteps(
  spec: ConnectorSpec,
): Pick<AuthenticationModel, 'connectionSteps' | 'createStep' | 'signsIn'> {
  const methods = authMethods(spec);
  const several = methods.length > 1;
  const auth = methods[0]!;
  const fields: Array<{ label: string; text: string }> = [];
  if (several)
    fields.push({
      label: 'Authentication',
      text: `one of ${methods.map((m) => m.label ?? m.key).join(', ')}: the way this connection signs in.`,
    });
  // Each method's own fields; with several, each says which method asks for it.
  for (const m of methods) {
    const only = several ? `(only with ${m.label ?? m.key}) ` : '';
    if (m.type === 'basic') {
      for (const [field, given] of [
        ['Username', m.username],
        ['Password', m.password],
      ] as const) {
        const label = given?.label ?? field;
        fields.push({ label, text: `${only}${given?.description || `your ${label}.`}` });
      }
    }
    // Visible config values are shown on the dialog (a person may copy them, e.g. an External ID), not entered.
    for (const c of configValuesOf(m))
      if (c.visible !== false && c.value !== undefined)
        fields.push({
          label: c.label,
          text: `${only}(shown, not entered) ${c.type === 'password' ? 'a redacted value' : c.value}`,
        });
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
    signsIn: methods.some((m) => m.type === 'oauth2' && m.grantType === 'authorization_code'),
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

/**
 * Auth section fields besides Connection and the parameters: each config value (the connection holds it), and
 * with several methods the Selected Auth (help page authentication-multi.htm).
 */
export function authSectionExtras(spec: ConnectorSpec): string[] {
  return [
    ...allConfigValues(spec).map(({ config }) => config.label),
    ...(hasSeveralAuthMethods(spec) ? [SELECTED_AUTH.label] : []),
  ];
}
