import type { OpenAPIV3 } from 'openapi-types';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { DiagnosticsError } from '../../errors.js';
import type { OpenApiOperation } from '../../openapi/operations.js';
import { toPointer } from '../../source/document.js';
import { didYouMean } from '../../util/did-you-mean.js';
import {
  OVERRIDE_CODES,
  type AppliedOverride,
  type LoadedOverrides,
  type OperationOverrides,
  type ParameterOverride,
} from './overrides.js';
import { PARAMETER_LOCATIONS } from './parameters.js';
import { isObject } from './schema-dialect.js';
import type { SecuritySchemes } from './security.js';

type Report = (pointer: string, code: string, message: string, hint?: string) => void;

/**
 * Applies override files to the operations and security schemes read from a description, without touching the
 * description (a parameter or schema may be shared by `$ref`: each operation gets its own copy). In each file,
 * parameters are corrected first, then `alsoPost` adds POST operations (taking the corrected query parameters as
 * body fields), then `body` corrects request bodies (the new ones included). An entry that names an operation,
 * parameter, property or scheme the description does not have is an error: stale corrections must not linger.
 */
export function applyOverrides(
  title: string | undefined,
  operations: readonly OpenApiOperation[],
  schemes: SecuritySchemes,
  files: readonly LoadedOverrides[],
  resolve: (value: unknown) => unknown = (v) => v,
): { operations: OpenApiOperation[]; schemes: SecuritySchemes; applied: AppliedOverride[] } {
  let ops = [...operations];
  const outSchemes = { ...schemes };
  const applied: AppliedOverride[] = [];
  const problems: Diagnostic[] = [];
  for (const { file, data, source } of files) {
    const report: Report = (pointer, code, message, hint) =>
      problems.push(
        source.at(pointer, { severity: 'error', code, message, ...(hint ? { hint } : {}) }, true),
      );
    const wantedTitle = data.description?.title;
    if (wantedTitle !== undefined && wantedTitle !== title) {
      report(
        '/description/title',
        OVERRIDE_CODES.otherDescription,
        `the file is for "${wantedTitle}", but the description is "${title ?? '(untitled)'}"`,
      );
      continue;
    }
    const entries = Object.entries(data.operations ?? {}).filter(([key]) => knownOperation(ops, key, report));
    const done = (target: string, reason: string) => applied.push({ file, target, reason });
    for (const [key, o] of entries) patchParameters(ops, key, o, report, done);
    for (const [key, o] of entries) if (o.alsoPost) ops = addPosts(ops, key, o.alsoPost, report, done);
    for (const [key, o] of entries) if (o.body) patchBodies(ops, key, o.body, resolve, report, done);
    for (const [name, { reason, scheme }] of Object.entries(data.securitySchemes ?? {})) {
      if (!outSchemes[name]) {
        report(
          toPointer(['securitySchemes', name]),
          OVERRIDE_CODES.noScheme,
          `the description has no security scheme "${name}"`,
        );
        continue;
      }
      outSchemes[name] = scheme;
      done(`security scheme ${name}`, reason);
    }
  }
  if (problems.length) throw new DiagnosticsError(problems);
  return { operations: ops, schemes: outSchemes, applied };
}

function matches(op: OpenApiOperation, key: string): boolean {
  return key === '*' || op.operationId === key || `${op.method.toUpperCase()} ${op.path}` === key;
}

function knownOperation(ops: readonly OpenApiOperation[], key: string, report: Report): boolean {
  if (ops.some((op) => matches(op, key))) return true;
  const guess = didYouMean(
    key,
    ops.map((o) => o.operationId ?? `${o.method.toUpperCase()} ${o.path}`),
  );
  report(
    toPointer(['operations', key]),
    OVERRIDE_CODES.noOperation,
    `the description has no operation "${key}"`,
    guess ? `did you mean "${guess}"?` : undefined,
  );
  return false;
}

function patchParameters(
  ops: OpenApiOperation[],
  key: string,
  overrides: OperationOverrides,
  report: Report,
  done: (target: string, reason: string) => void,
): void {
  for (const location of PARAMETER_LOCATIONS) {
    for (const [name, override] of Object.entries(overrides[location] ?? {})) {
      const same = (p: OpenAPIV3.ParameterObject) =>
        p.in === location &&
        (location === 'header' ? p.name.toLowerCase() === name.toLowerCase() : p.name === name);
      let hits = 0;
      ops.forEach((op, i) => {
        if (!matches(op, key) || !op.parameters.some(same)) return;
        hits += 1;
        ops[i] = {
          ...op,
          parameters: override.remove
            ? op.parameters.filter((p) => !same(p))
            : op.parameters.map((p) => (same(p) ? patchParameter(p, override) : p)),
        };
      });
      if (hits === 0) {
        report(
          toPointer(['operations', key, location, name]),
          OVERRIDE_CODES.noParameter,
          `no operation "${key}" has a ${location} parameter "${name}"`,
        );
      } else done(`${key} ${location} ${name}`, override.reason);
    }
  }
}

function patchParameter(
  p: OpenAPIV3.ParameterObject,
  override: ParameterOverride,
): OpenAPIV3.ParameterObject {
  const patched: OpenAPIV3.ParameterObject = { ...p };
  if (override.schema) {
    patched.schema = override.schema as OpenAPIV3.SchemaObject;
    delete patched.content;
  }
  if (override.required !== undefined) patched.required = override.required;
  return patched;
}

/** A POST twin for each matching GET that has none: its query parameters become the body's fields. */
function addPosts(
  ops: OpenApiOperation[],
  key: string,
  alsoPost: NonNullable<OperationOverrides['alsoPost']>,
  report: Report,
  done: (target: string, reason: string) => void,
): OpenApiOperation[] {
  const posts = new Set(ops.filter((o) => o.method === 'post').map((o) => o.path));
  const added: OpenApiOperation[] = [];
  for (const op of ops) {
    if (!matches(op, key) || op.method !== 'get' || posts.has(op.path)) continue;
    const query = op.parameters.filter((p) => p.in === 'query');
    const required = query.filter((p) => p.required).map((p) => p.name);
    const schema = {
      type: 'object' as const,
      properties: Object.fromEntries(query.map((p) => [p.name, p.schema ?? {}])),
      ...(required.length ? { required } : {}),
    };
    added.push({
      ...op,
      method: 'post',
      parameters: op.parameters.filter((p) => p.in !== 'query'),
      requestBody: {
        required: required.length > 0,
        content: Object.fromEntries(alsoPost.mediaTypes.map((type) => [type, { schema }])),
      },
    });
  }
  if (added.length === 0) {
    report(
      toPointer(['operations', key, 'alsoPost']),
      OVERRIDE_CODES.notApplicable,
      `"${key}" names no GET operation without a POST beside it`,
    );
    return ops;
  }
  done(`${key} alsoPost`, alsoPost.reason);
  return [...ops, ...added];
}

/** Corrects top-level properties of every request body schema of the matching operations. */
function patchBodies(
  ops: OpenApiOperation[],
  key: string,
  body: Record<string, ParameterOverride>,
  resolve: (value: unknown) => unknown,
  report: Report,
  done: (target: string, reason: string) => void,
): void {
  for (const [name, override] of Object.entries(body)) {
    let hits = 0;
    ops.forEach((op, i) => {
      if (!matches(op, key) || !op.requestBody) return;
      let changed = false;
      const content = Object.fromEntries(
        Object.entries(op.requestBody.content).map(([type, media]) => {
          const schema = resolve(media.schema);
          if (!isObject(schema) || !isObject(schema.properties) || !(name in schema.properties))
            return [type, media];
          changed = true;
          return [type, { ...media, schema: patchProperty(schema, name, override) }];
        }),
      );
      if (!changed) return;
      hits += 1;
      ops[i] = { ...op, requestBody: { ...op.requestBody, content } };
    });
    if (hits === 0) {
      report(
        toPointer(['operations', key, 'body', name]),
        OVERRIDE_CODES.noParameter,
        `no operation "${key}" has a request body property "${name}"`,
      );
    } else done(`${key} body ${name}`, override.reason);
  }
}

function patchProperty(
  schema: Record<string, unknown>,
  name: string,
  override: ParameterOverride,
): OpenAPIV3.SchemaObject {
  const properties = { ...(schema.properties as Record<string, unknown>) };
  let required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  if (override.remove) {
    delete properties[name];
    required = required.filter((r) => r !== name);
  }
  if (override.schema) properties[name] = override.schema;
  if (override.required === true && !required.includes(name)) required = [...required, name];
  if (override.required === false) required = required.filter((r) => r !== name);
  const out: Record<string, unknown> = { ...schema, properties };
  if (required.length) out.required = required;
  else delete out.required;
  return out as OpenAPIV3.SchemaObject;
}
