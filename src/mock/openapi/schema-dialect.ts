import { lookupPointer } from '../../openapi/operations.js';
import type { OpenApiDocument } from '../../openapi/load.js';

/** `3.0`: OpenAPI's own schema dialect (draft-05-like, `nullable`); `3.1`: JSON Schema 2020-12. */
export type SchemaDialect = '3.0' | '3.1';

/**
 * Which side of the exchange a schema checks: `readOnly` properties are not required in requests, `writeOnly`
 * ones not in responses (OpenAPI 3.0 §4.7.24.1, kept for 3.1).
 */
export type Direction = 'request' | 'response';

export type JsonSchema = Record<string, unknown> | boolean;

export function dialectOf(doc: OpenApiDocument): SchemaDialect {
  return doc.openapi.startsWith('3.1') ? '3.1' : '3.0';
}

/** The keywords of OpenAPI 3.0's schema object that validate (the rest are annotations ajv need not see). */
const KEPT_30 = [
  'type',
  'format',
  'enum',
  'multipleOf',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
] as const;

/** 2020-12 keywords whose value is one schema, an array of schemas, or a map of schemas. */
const ONE_SCHEMA = [
  'additionalProperties',
  'items',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
];
const SCHEMA_ARRAYS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];
/** OpenAPI annotations on 3.1 schemas that are no JSON Schema keyword. */
const OPENAPI_ONLY_31 = ['discriminator', 'xml', 'externalDocs', 'example'];

/**
 * Turns a schema of the description into one self-contained JSON Schema that ajv compiles: OpenAPI 3.0's
 * dialect becomes draft-07 (`nullable` → a `null` type, boolean `exclusiveMinimum` → a number, `discriminator`
 * → `if`/`then` on the property), 3.1 stays 2020-12; `required` drops `readOnly` properties for requests and
 * `writeOnly` ones for responses. Every local `$ref` reachable from the schema is copied, converted, into
 * `definitions` (`$defs` for 3.1) under its pointer, so shared and recursive schemas stay shared and recursive.
 * Patterns JavaScript cannot compile are dropped rather than failing the whole operation.
 */
export class SchemaConverter {
  readonly dialect: SchemaDialect;
  private readonly defsKeyword: string;

  constructor(private readonly doc: OpenApiDocument) {
    this.dialect = dialectOf(doc);
    this.defsKeyword = this.dialect === '3.1' ? '$defs' : 'definitions';
  }

  convert(schema: unknown, direction: Direction): JsonSchema {
    const defs: Record<string, JsonSchema> = {};
    const pending: string[] = [];
    const refTo = (ref: string): string => {
      const key = ref.slice(1);
      if (!(key in defs)) {
        defs[key] = true;
        pending.push(key);
      }
      return `#/${this.defsKeyword}/${encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
    };
    const walk = (node: unknown): JsonSchema =>
      this.dialect === '3.1'
        ? this.node31(node, direction, refTo, walk)
        : this.node30(node, direction, refTo, walk);
    const root = walk(schema);
    while (pending.length) {
      const key = pending.shift()!;
      defs[key] = walk(lookupPointer(this.doc, `#${key}`));
    }
    if (Object.keys(defs).length === 0) return root;
    if (typeof root === 'boolean' || '$ref' in root) return { allOf: [root], [this.defsKeyword]: defs };
    return { ...root, [this.defsKeyword]: defs };
  }

  private node30(
    node: unknown,
    direction: Direction,
    refTo: (ref: string) => string,
    walk: (n: unknown) => JsonSchema,
  ): JsonSchema {
    if (!isObject(node)) return true;
    if (typeof node.$ref === 'string') {
      // 3.0 ignores a $ref's siblings; `nullable` beside one is so common that honouring it is the kinder reading.
      const ref = { $ref: this.localRef(node.$ref, refTo) };
      return node.nullable === true ? { anyOf: [ref, { type: 'null' }] } : ref;
    }
    const out: Record<string, unknown> = {};
    for (const k of KEPT_30) if (node[k] !== undefined) out[k] = node[k];
    if (typeof out.pattern === 'string' && !compiles(out.pattern)) delete out.pattern;
    for (const [bound, exclusive] of [
      ['minimum', 'exclusiveMinimum'],
      ['maximum', 'exclusiveMaximum'],
    ] as const) {
      if (node[exclusive] === true && typeof node[bound] === 'number') {
        out[exclusive] = node[bound];
        delete out[bound];
      } else if (typeof node[exclusive] === 'number') out[exclusive] = node[exclusive];
    }
    if (isObject(node.properties)) {
      out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, walk(v)]));
    }
    if (node.additionalProperties !== undefined) {
      out.additionalProperties =
        typeof node.additionalProperties === 'boolean'
          ? node.additionalProperties
          : walk(node.additionalProperties);
    }
    if (node.items !== undefined) out.items = walk(node.items);
    if (node.not !== undefined) out.not = walk(node.not);
    for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(node[k])) out[k] = (node[k] as unknown[]).map(walk);
    }
    if (Array.isArray(node.required)) out.required = this.requiredFor(node, direction);
    if (node.nullable === true) {
      if (typeof out.type === 'string') out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    }
    this.discriminate(node, out, refTo);
    return out;
  }

  private node31(
    node: unknown,
    direction: Direction,
    refTo: (ref: string) => string,
    walk: (n: unknown) => JsonSchema,
  ): JsonSchema {
    if (typeof node === 'boolean') return node;
    if (!isObject(node)) return true;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (OPENAPI_ONLY_31.includes(k) || k.startsWith('x-')) continue;
      if (k === '$ref' && typeof v === 'string') out.$ref = this.localRef(v, refTo);
      else if (ONE_SCHEMA.includes(k) && (isObject(v) || typeof v === 'boolean')) out[k] = walk(v);
      else if (SCHEMA_ARRAYS.includes(k) && Array.isArray(v)) out[k] = v.map(walk);
      else if (SCHEMA_MAPS.includes(k) && isObject(v))
        out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, walk(s)]));
      else if (k === 'required' && Array.isArray(v)) out.required = this.requiredFor(node, direction);
      else if (k === 'pattern' && typeof v === 'string' && !compiles(v)) continue;
      else out[k] = v;
    }
    this.discriminate(node, out, refTo);
    return out;
  }

  /** Local refs are collected; anything else cannot occur after the loader bundled the description. */
  private localRef(ref: string, refTo: (ref: string) => string): string {
    return ref.startsWith('#') ? refTo(ref) : ref;
  }

  /** `required` without the properties that one side of the exchange does not send. */
  private requiredFor(node: Record<string, unknown>, direction: Direction): string[] {
    const skip = direction === 'request' ? 'readOnly' : 'writeOnly';
    const props = isObject(node.properties) ? node.properties : {};
    return (node.required as unknown[]).filter(
      (name): name is string =>
        typeof name === 'string' &&
        // 3.1 allows `readOnly` beside a `$ref`; 3.0 puts it on the target.
        (props[name] as Record<string, unknown> | undefined)?.[skip] !== true &&
        this.deref(props[name])?.[skip] !== true,
    );
  }

  /**
   * A discriminator beside oneOf/anyOf picks the branch by the property's value, as OpenAPI defines it, instead
   * of trying every branch: the value must be a known one, and the data must match the schema it names.
   */
  private discriminate(
    node: Record<string, unknown>,
    out: Record<string, unknown>,
    refTo: (r: string) => string,
  ) {
    const d = node.discriminator;
    const branches = (
      Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : undefined
    ) as unknown[] | undefined;
    if (!isObject(d) || typeof d.propertyName !== 'string' || !branches) return;
    const prop = d.propertyName;
    const targets = new Map<string, string>();
    const mapping = isObject(d.mapping) ? d.mapping : {};
    for (const [value, target] of Object.entries(mapping)) {
      if (typeof target === 'string')
        targets.set(value, target.includes('/') ? target : `#/components/schemas/${target}`);
    }
    const mapped = new Set(targets.values());
    for (const b of branches) {
      const ref = isObject(b) && typeof b.$ref === 'string' ? b.$ref : undefined;
      if (ref && !mapped.has(ref)) targets.set(decodeURIComponent(ref.split('/').pop()!), ref);
    }
    if (targets.size === 0) return;
    delete out.oneOf;
    delete out.anyOf;
    const values = [...targets.keys()];
    out.required = [...new Set([...((out.required as string[] | undefined) ?? []), prop])];
    out.properties = { ...((out.properties as object | undefined) ?? {}) };
    const properties = out.properties as Record<string, unknown>;
    properties[prop] = { allOf: [properties[prop] ?? true, { enum: values }] };
    out.allOf = [
      ...((out.allOf as unknown[] | undefined) ?? []),
      ...values.map((value) => ({
        if: { properties: { [prop]: { const: value } }, required: [prop] },
        then: { $ref: refTo(targets.get(value)!) },
      })),
    ];
  }

  private deref(value: unknown): Record<string, unknown> | undefined {
    let node = value;
    for (let i = 0; i < 16 && isObject(node) && typeof node.$ref === 'string'; i++) {
      try {
        node = lookupPointer(this.doc, node.$ref);
      } catch {
        return undefined;
      }
    }
    return isObject(node) ? node : undefined;
  }
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
