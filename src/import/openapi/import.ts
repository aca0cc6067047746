import { basename, relative, sep } from 'node:path';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { UsageError, UserError } from '../../errors.js';
import { deriveMachineName, machineNameProblem } from '../../init/names.js';
import { SCAFFOLD_VERSION } from '../../init/spec.js';
import type { OpenApiDescription } from '../../openapi/load.js';
import { listOperations, type OpenApiOperation } from '../../openapi/operations.js';
import { parseSource } from '../../source/document.js';
import type { Action, ConnectorSpec } from '../../spec/types.js';
import { validateSpec } from '../../spec/validate.js';
import { importAction } from './action.js';
import { chooseAuthentication, credentialPlace, scopesFor, securityProblem } from './auth.js';
import { chooseAuthping } from './authping.js';
import { chooseBaseUrl, preferredServer } from './base-url.js';
import { Comments, type SpecComment } from './comments.js';
import { reportsErrorsInBody } from './errors.js';
import { ActionNamer, KeyAllocator, plainText } from './names.js';
import { successMedia, successResponse } from './outputs.js';
import { ShapeReader } from './schema.js';
import { hasSelection, operationLabel, selectOperations, SELECTION_FLAGS, type Selection } from './select.js';
import type { ImportSummary } from './summary.js';
import { REVIEW_MARK, renderImportedSpec } from './yaml.js';

export interface ImportOptions extends Selection {
  /** The connector's machine name (default: from the description's title). */
  name?: string;
  /** The operation the health check calls (operationId or `METHOD /path`). */
  authping?: string;
  /** The name shown in Okta Workflows (default: the description's title). */
  displayName?: string;
  /**
   * Where the spec will be written and where the description is (absolute paths): the spec then names the
   * description as its offline mock (`mock: {openapi: <relative path>}`), so simulate and test run against it.
   */
  mockOf?: { description: string; specDir: string };
}

export interface ImportResult {
  spec: ConnectorSpec;
  /** Where the YAML carries a comment, and which comments mark guesses. */
  comments: SpecComment[];
  summary: ImportSummary;
  /** The spec as written: YAML with the schema line and the comments. */
  text: string;
  /** Per action name: a value for each option and input, from the description's examples and schemas. */
  examples: Record<string, Record<string, unknown>>;
}

const DEFAULT_SUPPORT_EMAIL = 'support@example.com';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Connection keys the credentials already use (src/connector/contract.ts). */
const RESERVED_CONNECTION_KEYS = ['username', 'password', 'access_token'];

/**
 * A connector spec from an OpenAPI description: one action per selected operation that the spec can express
 * exactly, the rest listed with the reason. The result is validated before it is returned; a spec with errors is
 * a bug in the importer, never the user's problem, and fails loudly.
 */
export function importOpenApi(description: OpenApiDescription, options: ImportOptions): ImportResult {
  if (!hasSelection(options)) throw new UsageError(`choose the operations to import: ${SELECTION_FLAGS}`);
  if (options.name !== undefined && machineNameProblem(options.name))
    throw new UsageError(`--name ${machineNameProblem(options.name)}`);
  const doc = description.document;
  const shapes = new ShapeReader(doc);
  const all = listOperations(doc);
  const selected = selectOperations(all, options);
  const firstServer = preferredServer(selected[0]?.servers ?? [{ url: '/' }]);
  const auth = chooseAuthentication(doc, selected, firstServer);
  const connectionKeys = new KeyAllocator([
    ...RESERVED_CONNECTION_KEYS,
    ...auth.parameters.map((p) => p.key),
  ]);
  const base = chooseBaseUrl(
    selected.filter((op) => !securityProblem(auth, op)),
    connectionKeys,
    shapes,
  );
  const ctx = { shapes, auth, base };

  const namer = new ActionNamer();
  const actions: Action[] = [];
  const comments: SpecComment[] = [];
  const imported: ImportSummary['imported'] = [];
  const skipped: ImportSummary['skipped'] = [];
  const importedOps: OpenApiOperation[] = [];
  const guessedMessagePaths: string[] = [];
  const examples: ImportResult['examples'] = {};
  const credentialCopies = new Set<string>();
  let errorsInBody = false;
  for (const op of selected) {
    const result = importAction(ctx, op, '');
    if ('problem' in result) {
      skipped.push({ operation: operationLabel(op), operationId: op.operationId, reason: result.problem });
      continue;
    }
    const { name, numbered } = namer.name(op);
    result.action.name = name;
    const at = ['actions', actions.length];
    if (numbered)
      result.fields.comments.review(['name'], `"${name}" is numbered: another operation has the same name`);
    comments.push(...result.fields.comments.under(at));
    actions.push(orderAction(result.action));
    importedOps.push(op);
    imported.push({
      operation: operationLabel(op),
      operationId: op.operationId,
      name,
      notes: result.fields.notes,
    });
    if (result.messagePathGuessed) guessedMessagePaths.push(name);
    examples[name] = result.fields.examples;
    for (const copy of result.fields.credentialCopies) credentialCopies.add(copy);
    const success = successResponse(op)?.response.content?.['application/json']?.schema;
    if (success && reportsErrorsInBody(shapes.read(success))) errorsInBody = true;
  }
  if (actions.length === 0) {
    throw new UserError(
      `none of the ${selected.length} selected operations can be imported:\n` +
        skipped.map((s) => `  ${s.operation}: ${s.reason}`).join('\n'),
    );
  }

  const ping = chooseAuthping(ctx, all, importedOps, options.authping);
  const rootComments = new Comments();
  if (ping.guessed) rootComments.review(['authping'], `the health check calls ${ping.reason}`);
  else rootComments.note(['authping'], `the health check calls ${ping.reason}`);

  const authentication = { ...auth.authentication };
  if (authentication.type === 'oauth2') {
    const scopes = scopesFor(doc, auth, ping.operation ? [...importedOps, ping.operation] : importedOps);
    if (scopes.length > 0) authentication.scopes = scopes;
    else
      rootComments.review(
        ['authentication'],
        'the description names no scopes for these operations; add the ones your actions need',
      );
  }
  const defaultHeaders: Record<string, string> = {};
  if (
    importedOps.every((op) => {
      const m = successMedia(op);
      return 'kind' in m && m.kind !== 'text';
    })
  )
    defaultHeaders['Accept'] = 'application/json';
  if (credentialCopies.size > 0)
    rootComments.note(
      ['actions'],
      `the description asks for the credential again as ${[...credentialCopies].sort().join(', ')}: it is sent only in ${credentialPlace(auth.authentication)}, as its security scheme says`,
    );
  if (guessedMessagePaths.length > 0) {
    rootComments.review(
      ['actions'],
      `errors.messagePath: the description describes no error body for ${guessedMessagePaths.length === actions.length ? 'any action' : `${guessedMessagePaths.length} action${guessedMessagePaths.length === 1 ? '' : 's'}`}; they read "message"`,
    );
  }
  if (errorsInBody)
    rootComments.review(
      ['actions'],
      'this API answers some failures with status 200 and "ok": false; check the Ok output in your flows',
    );

  const info = doc.info ?? { title: 'API', version: '' };
  const title = plainText(info.title, 100) ?? 'API';
  const name = options.name ?? deriveMachineName(options.displayName ?? title) ?? 'connector';
  const email = info.contact?.email && EMAIL.test(info.contact.email) ? info.contact.email : undefined;
  if (!email) rootComments.review(['supportEmail'], 'the description gives no contact email: put yours');
  const docsUrl =
    doc.externalDocs?.url && /^https?:\/\//.test(doc.externalDocs.url) ? doc.externalDocs.url : undefined;
  const parameters = [...auth.parameters, ...base.parameters];
  const spec: ConnectorSpec = {
    specVersion: 1,
    name,
    displayName: options.displayName ?? title,
    description: plainText(info.description, 300) ?? `Okta Workflows connector for ${title}.`,
    version: SCAFFOLD_VERSION,
    supportEmail: email ?? DEFAULT_SUPPORT_EMAIL,
    ...(docsUrl && { documentationUrl: docsUrl }),
    authentication,
    ...(options.mockOf && {
      mock: { openapi: relative(options.mockOf.specDir, options.mockOf.description).split(sep).join('/') },
    }),
    ...(parameters.length > 0 && { connectionParameters: parameters }),
    baseUrl: base.baseUrl,
    ...(Object.keys(defaultHeaders).length > 0 && { defaultHeaders }),
    authping: { request: ping.request, healthyStatuses: [200] },
    actions,
    customApiAction: true,
  };
  const offset = auth.parameters.length;
  const baseComments = base.comments.list.map((c) =>
    c.path[0] === 'connectionParameters'
      ? { ...c, path: ['connectionParameters', Number(c.path[1]) + offset] }
      : c,
  );
  const allComments = [
    ...auth.comments.under(['authentication']),
    ...baseComments,
    ...rootComments.list,
    ...comments,
  ];
  const header = [
    `Imported by \`okta-connector import openapi\` from ${basename(description.file)} (${title}${info.version ? ` ${info.version}` : ''}, OpenAPI ${description.sourceVersion}).`,
    `Comments marked ${REVIEW_MARK} are guesses to check. After editing, run: npx okta-connector validate <this file>`,
  ];
  const text = renderImportedSpec(spec, allComments, header);
  assertValid(text, options.mockOf?.specDir);
  const summary: ImportSummary = {
    file: description.file,
    title,
    sourceVersion: description.sourceVersion,
    total: all.length,
    selected: selected.length,
    imported,
    skipped,
    authentication: auth.describe,
    authping: ping.reason,
    baseUrl: base.baseUrl,
    reviews: allComments.filter((c) => c.review).length,
  };
  return { spec, comments: allComments, summary, text, examples };
}

/** Keys in the order connectors/twilio uses, so imported actions read like hand-written ones. */
function orderAction(action: Action): Action {
  const { name, description, options, inputs, request, outputs, errors } = action;
  return {
    name,
    description,
    ...(options && { options }),
    ...(inputs && { inputs }),
    request,
    ...(outputs && { outputs }),
    ...(errors && { errors }),
  };
}

/** Validates the written text itself (so a finding has the line it would have for the user). */
function assertValid(text: string, specDir = process.cwd()): void {
  const diagnostics = validateSpec(parseSource(text, 'imported connector.yaml'), specDir);
  if (!hasErrors(diagnostics)) return;
  const first = diagnostics.filter((d) => d.severity === 'error').slice(0, 5);
  throw new Error(
    `the imported spec does not validate (a bug in the importer): ${first
      .map((d) => `${d.code} at ${d.pointer ?? ''}: ${d.message}`)
      .join('; ')}`,
  );
}
