import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { OpenAPIV3 } from 'openapi-types';
import { sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { DiagnosticsError } from '../../errors.js';
import { loadSourceFile, type SourceDocument } from '../../source/document.js';
import { packagePath } from '../../util/paths.js';
import { PARAMETER_LOCATIONS, type ParameterLocation } from './parameters.js';

export const OVERRIDE_CODES = {
  invalid: 'OC-MOCK-OVERRIDE-INVALID',
  otherDescription: 'OC-MOCK-OVERRIDE-DESCRIPTION',
  noOperation: 'OC-MOCK-OVERRIDE-OPERATION',
  noParameter: 'OC-MOCK-OVERRIDE-PARAMETER',
  noScheme: 'OC-MOCK-OVERRIDE-SCHEME',
  notApplicable: 'OC-MOCK-OVERRIDE-NOT-APPLICABLE',
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

/** The corrections to one operation (or, under `*`, to every operation they fit). */
export type OperationOverrides = Partial<Record<ParameterLocation, Record<string, ParameterOverride>>> & {
  /**
   * The operation, a GET, also answers POST with its query parameters as body fields in these media types
   * (Slack takes every method either way).
   */
  alsoPost?: { reason: string; mediaTypes: string[] };
  /** Corrections to top-level properties of the request body's schema, in every media type. */
  body?: Record<string, ParameterOverride>;
};

/**
 * A file of corrections to one vendor's description, keyed by operation (operationId, `METHOD /path`, or `*` for
 * every operation a correction fits), then parameter location and name, or `body` and property name.
 */
export interface OverrideFile {
  overrides: 1;
  /** The description the file is for: its `info.title` must match. */
  description?: { title?: string };
  operations?: Record<string, OperationOverrides>;
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
        properties: {
          ...Object.fromEntries(
            PARAMETER_LOCATIONS.map((l) => [l, { type: 'object', additionalProperties: PARAMETER_OVERRIDE }]),
          ),
          body: { type: 'object', additionalProperties: PARAMETER_OVERRIDE },
          alsoPost: {
            type: 'object',
            required: ['reason', 'mediaTypes'],
            additionalProperties: false,
            properties: {
              reason: { type: 'string', minLength: 1 },
              mediaTypes: {
                type: 'array',
                minItems: 1,
                items: { type: 'string', pattern: '^[\\w.+-]+/[\\w.+-]+$' },
              },
            },
          },
        },
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

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
