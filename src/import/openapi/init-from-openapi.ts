import { primaryAuth } from '../../spec/auth-types.js';
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import type { AuthAnswers, InitAnswers } from '../../init/answers.js';
import {
  checkDirArgument,
  nextSteps,
  showDir,
  type InitEnvironment,
  type InitOptions,
  type InitResult,
} from '../../init/init.js';
import { renderScaffold } from '../../init/render.js';
import { writeScaffold } from '../../init/write.js';
import type { ConnectorSpec } from '../../spec/types.js';
import type { ImportResult } from './import.js';
import type { OperationPicker } from './pick.js';

/** `init --from-openapi`: init's options, the description, and which of its operations (see `import openapi`). */
export interface InitFromOpenApiOptions extends InitOptions {
  /** An OpenAPI description to import the spec from (authentication, base URL, actions). */
  fromOpenapi: string;
  operation?: string[];
  tag?: string[];
  all?: boolean;
  authping?: string;
}

export interface InitFromOpenApiEnvironment extends InitEnvironment {
  /** With no selection flags: the operation picker (only called when prompts are allowed). */
  picker?: () => Promise<OperationPicker>;
}

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
  // An import gives one method (src/import/openapi/auth.ts); init asks about one.
  const auth = primaryAuth(spec);
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

/** `init --from-openapi`: the spec (with its comments) from the importer, the rest of the scaffold as usual. */
export async function initFromOpenApi(
  options: InitFromOpenApiOptions,
  env: InitFromOpenApiEnvironment,
): Promise<InitResult> {
  if (options.dir !== undefined) checkDirArgument(options.dir);
  const description = options.fromOpenapi;
  const { importFromFile } = await import('./run.js');
  checkFromOpenApiFlags(options as unknown as Record<string, unknown>);
  const interactive = env.interactive && !options.yes;
  const result = await importFromFile(
    resolve(env.cwd, description),
    description,
    {
      ...(options.operation && { operations: options.operation }),
      ...(options.tag && { tags: options.tag }),
      ...(options.all && { all: true }),
      ...(options.name !== undefined && { name: options.name }),
      ...(options.authping !== undefined && { authping: options.authping }),
      ...(options.displayName !== undefined && { displayName: options.displayName }),
    },
    {
      interactive,
      picker: async () => (env.picker ? env.picker() : (await import('./pick.js')).createInquirerPicker()),
    },
  );
  const spec = result.spec;
  const answers = answersFromSpec(spec);
  const dir = resolve(env.cwd, options.dir ?? spec.name);
  const files = (await renderScaffold(answers, spec, { toolVersion: env.toolVersion })).map((f) =>
    f.path === 'connector.yaml' ? { ...f, content: result.text } : f,
  );
  const shownDir = showDir(env.cwd, dir);
  const { written, kept } = await writeScaffold(dir, files, { force: options.force === true, shownDir });
  return {
    dir,
    shownDir,
    written,
    kept,
    notes: importNotes(result),
    answers,
    spec,
    nextSteps: nextSteps(shownDir, env.toolVersion),
  };
}
