import { createRequire } from 'node:module';
import type { Ajv as AjvInstance, ErrorObject, ValidateFunction } from 'ajv';
import type { Direction, JsonSchema, SchemaDialect } from './schema-dialect.js';

// ajv is CommonJS; require keeps construction synchronous and the types exact.
const require = createRequire(import.meta.url);

export type Validator = ValidateFunction;
export type { ErrorObject };

/**
 * How values reach a validator: `strict` for JSON bodies (types as sent), `coerce` for parameters and form
 * fields, which arrive as text and are converted by their schema's type first, as servers do (`"5"` → 5 for an
 * integer, a lone value → a one-item array where an array is expected).
 */
export type Coercion = 'strict' | 'coerce';

/** ajv instances for one description's dialect, built on first use (a description may never need coercion). */
export class Validators {
  private readonly instances = new Map<Coercion, AjvInstance>();

  constructor(private readonly dialect: SchemaDialect) {}

  compile(schema: JsonSchema, coercion: Coercion): Validator {
    return this.ajv(coercion).compile(schema);
  }

  private ajv(coercion: Coercion): AjvInstance {
    let ajv = this.instances.get(coercion);
    if (ajv) return ajv;
    const options = {
      allErrors: true,
      // OpenAPI's extensions and annotations are not JSON Schema keywords; unknown formats (Twilio's
      // `phone-number`) are annotations too, as JSON Schema says.
      strict: false,
      logger: false as const,
      // Descriptions write ECMA-262 patterns without the `u` flag in mind (`[\w\-]` is an error with it).
      unicodeRegExp: false,
      coerceTypes: coercion === 'coerce' ? ('array' as const) : false,
    };
    const Ajv =
      this.dialect === '3.1'
        ? (require('ajv/dist/2020') as typeof import('ajv/dist/2020.js')).Ajv2020
        : (require('ajv') as typeof import('ajv')).Ajv;
    ajv = new Ajv(options) as AjvInstance;
    const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
    addFormats(ajv);
    this.instances.set(coercion, ajv);
    return ajv;
  }
}

export type { Direction };

export interface SchemaViolation {
  /** JSON pointer of the offending value inside the validated data. */
  pointer: string;
  /** The JSON Schema keyword that failed. */
  rule: string;
  message: string;
  allowed?: string[];
}

/**
 * ajv's errors in the mock's terms: `required` and `additionalProperties` point at the property itself, `enum`
 * lists the allowed values, and the branch-by-branch noise under a failed `anyOf`/`oneOf` is folded into it.
 */
export function schemaViolations(errors: readonly ErrorObject[] | null | undefined): SchemaViolation[] {
  if (!errors?.length) return [];
  const folded = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map((e) => `${e.schemaPath}/`);
  const out: SchemaViolation[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if' || folded.some((prefix) => e.schemaPath.startsWith(prefix))) continue;
    const v = violationOf(e);
    const key = `${v.pointer}\u0000${v.rule}\u0000${v.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

function violationOf(e: ErrorObject): SchemaViolation {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return {
        pointer: child(e.instancePath, String(params.missingProperty)),
        rule: 'required',
        message: 'is required',
      };
    case 'additionalProperties':
      return {
        pointer: child(e.instancePath, String(params.additionalProperty)),
        rule: 'additionalProperties',
        message: 'is not a property the schema allows',
      };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) =>
        typeof v === 'string' ? v : JSON.stringify(v),
      );
      return {
        pointer: e.instancePath,
        rule: 'enum',
        message: `must be one of: ${allowed.join(', ')}`,
        allowed,
      };
    }
    default:
      return { pointer: e.instancePath, rule: e.keyword, message: e.message ?? `fails ${e.keyword}` };
  }
}

function child(pointer: string, name: string): string {
  return `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
