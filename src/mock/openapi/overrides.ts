import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { OpenAPIV3 } from 'openapi-types';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { DiagnosticsError } from '../../errors.js';
import type { OpenApiOperation } from '../../openapi/operations.js';
import { loadSourceFile, toPointer, type SourceDocument } from '../../source/document.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { packagePath } from '../../util/paths.js';
import { PARAMETER_LOCATIONS, type ParameterLocation } from './parameters.js';
import type { SecuritySchemes } from './security.js';

export const OVERRIDE_CODES = {
  invalid: 'OC-MOCK-OVERRIDE-INVALID',
  otherDescription: 'OC-MOCK-OVERRIDE-DESCRIPTION',
  noOperation: 'OC-MOCK-OVERRIDE-OPERATION',
  noParameter: 'OC-MOCK-OVERRIDE-PARAMETER',
  noScheme: 'OC-MOCK-OVERRIDE-SCHEME',
} as const;

/** Where the project's own override files live (one per vendor description), applied when their title matches. */
export const BUNDLED_OVERRIDES_DIR = 'openapi-overrides/';

/** One parameter's correction: a replacement schema, a different `required`, or its removal. */
export interface ParameterOverride {
  /** Why the description is wrong here (required: an override is a documented exception, not a loosening). */
  reason: string;
  schema?: Record<string, unknown>;
  required?: boolean;
  remove?: true;
}

/**
 * A file of corrections to one vendor's description, keyed by operation (operationId, `METHOD /path`, or `*` for
 * every operation that has the parameter), then parameter location, then parameter name.
 */
export interface OverrideFile {
  overrides: 1;
  /** The description the file is for: its `info.title` must match. */
  description?: { title?: string };
  operations?: Record<string, Partial<Record<ParameterLocation, Record<string, ParameterOverride>>>>;
  securitySchemes?: Record<string, { reason: string; scheme: OpenAPIV3.SecuritySchemeObject }>;
}

export interface LoadedOverrides {
  file: string;
  data: OverrideFile;
  source: SourceDocument;
}

/** One correction as applied, for the mock's start-up summary. */
export interface AppliedOverride {
  file: string;
  target: string;
  reason: string;
}

const PARAMETER_OVERRIDE = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: {
    reason: { type: 'string', minLength: 1 },
    schema: { type: 'object' },
    required: { type: 'boolean' },
    remove: { const: true },
  },
  anyOf: [{ required: ['schema'] }, { required: ['required'] }, { required: ['remove'] }],
};

const FILE_SCHEMA = {
  type: 'object',
  required: ['overrides'],
  additionalProperties: false,
  // `x-…` keys are the file's own: a place for YAML anchors shared by several entries.
  patternProperties: { '^x-': {} },
  properties: {
    overrides: { const: 1 },
    description: {
      type: 'object',
      additionalProperties: false,
      properties: { title: { type: 'string' } },
    },
    operations: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          PARAMETER_LOCATIONS.map((l) => [l, { type: 'object', additionalProperties: PARAMETER_OVERRIDE }]),
        ),
      },
    },
    securitySchemes: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['reason', 'scheme'],
        additionalProperties: false,
        properties: {
          reason: { type: 'string', minLength: 1 },
          scheme: {
            type: 'object',
            required: ['type'],
            properties: { type: { enum: ['http', 'apiKey', 'oauth2', 'openIdConnect', 'mutualTLS'] } },
          },
        },
      },
    },
  },
};

const require = createRequire(import.meta.url);
let checkFile: import('ajv').ValidateFunction | undefined;

/** Reads and checks an override file; a problem is a diagnostic at its line and column. */
export async function loadOverrides(file: string): Promise<LoadedOverrides> {
  const source = await loadSourceFile(file);
  if (!checkFile) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    checkFile = new Ajv({ allErrors: true, strict: false }).compile(FILE_SCHEMA);
  }
  if (!checkFile(source.data)) {
    const diagnostics = (checkFile.errors ?? [])
      // The anyOf's own message says it; its branches' `required` errors would only repeat it.
      .filter((e) => !e.schemaPath.includes('/anyOf/'))
      .map((e) => {
        const params = e.params as Record<string, unknown>;
        const where =
          e.keyword === 'additionalProperties'
            ? `${e.instancePath}/${String(params.additionalProperty)}`
            : e.instancePath;
        const message =
          e.keyword === 'additionalProperties'
            ? `unknown key "${String(params.additionalProperty)}"`
            : e.keyword === 'anyOf'
              ? 'an override needs one of schema, required or remove'
              : `${e.instancePath || 'the file'} ${e.message ?? 'is invalid'}`;
        return source.at(
          where,
          { severity: 'error', code: OVERRIDE_CODES.invalid, message },
          e.keyword === 'additionalProperties',
        );
      });
    throw new DiagnosticsError(sortDiagnostics(dedupe(diagnostics)));
  }
  return { file, data: source.data as OverrideFile, source };
}

/** The project's override files whose `description.title` is the description's. */
export async function bundledOverridesFor(title: string | undefined): Promise<LoadedOverrides[]> {
  const dir = packagePath(BUNDLED_OVERRIDES_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return [];
  }
  const loaded = await Promise.all(names.map((n) => loadOverrides(`${dir}${n}`)));
  return loaded.filter((o) => o.data.description?.title !== undefined && o.data.description.title === title);
}

/**
 * Applies override files to the operations and security schemes read from a description, without touching the
 * description (a parameter may be shared by `$ref` between operations: each operation gets its own copy). An
 * override that names an operation, parameter or scheme the description does not have is an error: stale
 * corrections must not linger silently.
 */
export function applyOverrides(
  title: string | undefined,
  operations: readonly OpenApiOperation[],
  schemes: SecuritySchemes,
  files: readonly LoadedOverrides[],
): { operations: OpenApiOperation[]; schemes: SecuritySchemes; applied: AppliedOverride[] } {
  const ops = [...operations];
  const outSchemes = { ...schemes };
  const applied: AppliedOverride[] = [];
  const problems: Diagnostic[] = [];
  for (const { file, data, source } of files) {
    const at = (pointer: string, code: string, message: string, hint?: string) =>
      problems.push(
        source.at(pointer, { severity: 'error', code, message, ...(hint ? { hint } : {}) }, true),
      );
    const wantedTitle = data.description?.title;
    if (wantedTitle !== undefined && wantedTitle !== title) {
      at(
        '/description/title',
        OVERRIDE_CODES.otherDescription,
        `the file is for "${wantedTitle}", but the description is "${title ?? '(untitled)'}"`,
      );
      continue;
    }
    for (const [opKey, byLocation] of Object.entries(data.operations ?? {})) {
      const indexes = ops.map((op, i) => (matchesOperation(op, opKey) ? i : -1)).filter((i) => i >= 0);
      if (indexes.length === 0) {
        const names = ops.map((o) => o.operationId ?? `${o.method.toUpperCase()} ${o.path}`);
        const guess = didYouMean(opKey, names);
        at(
          toPointer(['operations', opKey]),
          OVERRIDE_CODES.noOperation,
          `the description has no operation "${opKey}"`,
          guess ? `did you mean "${guess}"?` : undefined,
        );
        continue;
      }
      for (const location of PARAMETER_LOCATIONS) {
        for (const [name, override] of Object.entries(byLocation[location] ?? {})) {
          let hits = 0;
          for (const i of indexes) {
            const op = ops[i]!;
            const same = (p: OpenAPIV3.ParameterObject) =>
              p.in === location &&
              (location === 'header' ? p.name.toLowerCase() === name.toLowerCase() : p.name === name);
            if (!op.parameters.some(same)) continue;
            hits += 1;
            ops[i] = { ...op, parameters: patchParameters(op.parameters, same, override) };
          }
          if (hits === 0) {
            at(
              toPointer(['operations', opKey, location, name]),
              OVERRIDE_CODES.noParameter,
              `no operation "${opKey}" has a ${location} parameter "${name}"`,
            );
            continue;
          }
          applied.push({ file, target: `${opKey} ${location} ${name}`, reason: override.reason });
        }
      }
    }
    for (const [name, { reason, scheme }] of Object.entries(data.securitySchemes ?? {})) {
      if (!outSchemes[name]) {
        at(
          toPointer(['securitySchemes', name]),
          OVERRIDE_CODES.noScheme,
          `the description has no security scheme "${name}"`,
        );
        continue;
      }
      outSchemes[name] = scheme;
      applied.push({ file, target: `security scheme ${name}`, reason });
    }
  }
  if (problems.length) throw new DiagnosticsError(problems);
  return { operations: ops, schemes: outSchemes, applied };
}

function matchesOperation(op: OpenApiOperation, key: string): boolean {
  if (key === '*') return true;
  if (op.operationId === key) return true;
  return `${op.method.toUpperCase()} ${op.path}` === key;
}

function patchParameters(
  parameters: OpenAPIV3.ParameterObject[],
  same: (p: OpenAPIV3.ParameterObject) => boolean,
  override: ParameterOverride,
): OpenAPIV3.ParameterObject[] {
  if (override.remove) return parameters.filter((p) => !same(p));
  return parameters.map((p) => {
    if (!same(p)) return p;
    const patched: OpenAPIV3.ParameterObject = { ...p };
    if (override.schema) {
      patched.schema = override.schema as OpenAPIV3.SchemaObject;
      delete patched.content;
    }
    if (override.required !== undefined) patched.required = override.required;
    return patched;
  });
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
