import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../source/document.js';
import { connectorSchemaValidator } from './schema.js';
import { didYouMeanHint } from '../util/did-you-mean.js';

export const STRUCTURE_CODE = 'OC-SPEC-SCHEMA';

/** The JSON-Schema pass: ajv errors turned into one readable diagnostic per problem, located in the source. */
export function checkStructure(doc: SourceDocument): Diagnostic[] {
  const validate = connectorSchemaValidator();
  if (validate(doc.data)) return [];
  const errors = groupRequired(pruneErrors(validate.errors ?? []));
  return errors.map((e) => {
    const { pointer, message, hint } = describe(e);
    const atKey = e.keyword === 'additionalProperties';
    return doc.at(pointer, { severity: 'error', code: STRUCTURE_CODE, message, hint }, atKey);
  });
}

/**
 * ajv with allErrors reports every branch of a oneOf; with the discriminator there is one branch, so drop the
 * generic "must match a schema in oneOf" lines and duplicates, keeping the most specific error per location.
 */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const kept: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(e);
  }
  // Two errors at one path from an anyOf (e.g. integer or range string): keep the first.
  return kept.filter(
    (e, i) =>
      e.keyword !== 'type' ||
      !kept.some((o, j) => j < i && o.instancePath === e.instancePath && o.keyword === 'type'),
  );
}

/** Several missing keys at one place read better as one finding. */
function groupRequired(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject>();
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword !== 'required') {
      out.push(e);
      continue;
    }
    const first = byPath.get(e.instancePath);
    const missing = String((e.params as { missingProperty: string }).missingProperty);
    if (first) (first.params as { missing: string[] }).missing.push(missing);
    else {
      const grouped = { ...e, params: { ...e.params, missing: [missing] } };
      byPath.set(e.instancePath, grouped);
      out.push(grouped);
    }
  }
  return out;
}

function found(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return `${typeof value} ${String(value)}`;
}

function describe(e: ErrorObject): { pointer: string; message: string; hint?: string } {
  const where = e.instancePath || '(top level)';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      return {
        pointer: `${e.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        message: `unknown key "${key}" in ${where}; expected one of: ${allowed.join(', ')}`,
        hint: didYouMeanHint(key, allowed),
      };
    }
    case 'required': {
      const missing = (p.missing as string[]).map((k) => `"${k}"`);
      return {
        pointer: e.instancePath,
        message: `${where} is missing the required key${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      };
    }
    case 'minItems':
      return {
        pointer: e.instancePath,
        message: `${where} must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}; found ${(e.data as unknown[]).length}`,
      };
    case 'minLength':
      return { pointer: e.instancePath, message: `${where} must not be empty` };
    case 'enum':
      return {
        pointer: e.instancePath,
        message: `${where} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}; found ${found(e.data)}`,
        hint:
          typeof e.data === 'string'
            ? didYouMeanHint(e.data, (p.allowedValues as unknown[]).map(String))
            : undefined,
      };
    case 'const':
      return {
        pointer: e.instancePath,
        message: `${where} must be ${JSON.stringify(p.allowedValue)}; found ${found(e.data)}`,
      };
    case 'type':
      return {
        pointer: e.instancePath,
        message: `${where} must be ${articled(String(p.type))}; found ${found(e.data)}`,
      };
    case 'pattern':
      return { pointer: e.instancePath, message: `${where} ${describePattern(e)}; found ${found(e.data)}` };
    case 'format':
      return {
        pointer: e.instancePath,
        message: `${where} must be a valid ${String(p.format)}; found ${found(e.data)}`,
      };
    case 'discriminator':
      return {
        pointer: e.instancePath,
        message: `${where} has an unsupported "${String(p.tag)}"; found ${found((e.data as Record<string, unknown>)?.[String(p.tag)])}`,
      };
    default:
      return {
        pointer: e.instancePath,
        message: `${where} ${e.message ?? 'is invalid'}; found ${found(e.data)}`,
      };
  }
}

function articled(type: string): string {
  return type === 'object' || type === 'integer' || type === 'array'
    ? `an ${type === 'array' ? 'list' : type}`
    : `a ${type}`;
}

function describePattern(e: ErrorObject): string {
  const schema = e.parentSchema as { description?: string } | undefined;
  return schema?.description
    ? `must be ${schema.description.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase())}`
    : `must match the pattern ${String((e.params as { pattern: string }).pattern)}`;
}
