import { UsageError } from '../errors.js';
import type { ImportResult } from '../import/openapi/import.js';
import type { ConnectorSpec } from '../spec/types.js';
import type { AuthAnswers, InitAnswers } from './answers.js';

/** Flags `init` takes from the description instead when --from-openapi is given. */
const FROM_DESCRIPTION = [
  ['description', '--description'],
  ['supportEmail', '--support-email'],
  ['baseUrl', '--base-url'],
  ['auth', '--auth'],
  ['usernameLabel', '--username-label'],
  ['passwordLabel', '--password-label'],
  ['authPlacement', '--auth-placement'],
  ['authName', '--auth-name'],
  ['authValue', '--auth-value'],
  ['grantType', '--grant-type'],
  ['authorizeUrl', '--authorize-url'],
  ['tokenUrl', '--token-url'],
  ['scopes', '--scopes'],
  ['param', '--param'],
  ['action', '--action'],
  ['method', '--method'],
  ['path', '--path'],
] as const;

/** --from-openapi with flags the description decides: a usage error naming them. */
export function checkFromOpenApiFlags(options: Record<string, unknown>): void {
  const clashing = FROM_DESCRIPTION.filter(([key]) => options[key] !== undefined).map(([, flag]) => flag);
  if (clashing.length > 0)
    throw new UsageError(
      `--from-openapi takes authentication, base URL and actions from the description; drop ${clashing.join(', ')}`,
    );
}

/** The answers `init`'s README and scenario are rendered from, read back from an imported spec. */
export function answersFromSpec(spec: ConnectorSpec): InitAnswers {
  const first = spec.actions[0]!;
  return {
    name: spec.name,
    displayName: spec.displayName,
    description: spec.description,
    supportEmail: spec.supportEmail,
    baseUrl: spec.baseUrl,
    auth: authAnswers(spec),
    params: (spec.connectionParameters ?? []).map((p) => ({
      key: p.key,
      label: p.label,
      type: p.type === 'password' ? 'password' : 'text',
      required: p.required === true,
    })),
    action: { name: first.name, method: first.request.method, path: first.request.path },
  };
}

function authAnswers(spec: ConnectorSpec): AuthAnswers {
  const auth = spec.authentication;
  switch (auth.type) {
    case 'basic':
      return {
        type: 'basic',
        usernameLabel: auth.username?.label ?? 'Username',
        passwordLabel: auth.password?.label ?? 'Password',
      };
    case 'custom':
      return { type: 'custom', placement: auth.placement, name: auth.name, value: auth.value };
    case 'oauth2':
      return {
        type: 'oauth2',
        grantType: auth.grantType,
        ...(auth.authorizeUrl && { authorizeUrl: auth.authorizeUrl }),
        tokenUrl: auth.tokenUrl,
        scopes: auth.scopes ?? [],
      };
  }
}

/** The import's summary lines as init notes. */
export function importNotes(result: ImportResult): string[] {
  const s = result.summary;
  return [
    `imported ${s.imported.length} of ${s.selected} selected operations from ${s.file}${s.skipped.length > 0 ? `; skipped ${s.skipped.length}: ${s.skipped.map((k) => `${k.operation} (${k.reason})`).join('; ')}` : ''}`,
    ...(s.reviews > 0 ? [`${s.reviews} comments marked REVIEW: in connector.yaml are guesses to check`] : []),
  ];
}
