import type { OpenApiDocument } from '../../openapi/load.js';
import { resolveRef } from '../../openapi/operations.js';
import type { FieldType } from '../../spec/types.js';

/** A JSON Schema as the importer reads it (3.0 and 3.1 keywords; everything optional). */
interface RawSchema {
  type?: string | string[];
  format?: string;
  description?: string;
  properties?: Record<string, unknown>;
  required?: string[];
  items?: unknown;
  additionalProperties?: unknown;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown;
  readOnly?: boolean;
  allOf?: unknown[];
  oneOf?: unknown[];
  anyOf?: unknown[];
  pattern?: string;
}

export type ShapeType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';

/**
 * One schema with local `$ref`s followed and `allOf` merged: what the importer decides shapes from. Recursive
 * schemas give cyclic shapes (the same object again), so every reader walks them with a depth bound.
 */
export interface Shape {
  /** The JSON type with `null` dropped (3.1 `type: [string, "null"]`, 3.0 `nullable`); undefined when open. */
  type?: ShapeType;
  format?: string;
  description?: string;
  properties: Record<string, Shape>;
  required: string[];
  items?: Shape;
  /** The object allows keys beyond `properties` (a map, or a free-form object with no properties). */
  open: boolean;
  enum?: unknown[];
  default?: unknown;
  example?: unknown;
  readOnly: boolean;
  /** oneOf / anyOf alternatives, when the schema is a choice. */
  choices?: Shape[];
  pattern?: string;
}

const TYPES = new Set<string>(['string', 'number', 'integer', 'boolean', 'object', 'array']);

/** Reads schemas of one document into Shapes, each raw schema object once (so shared and recursive ones are cheap). */
export class ShapeReader {
  private readonly cache = new WeakMap<object, Shape>();
  constructor(private readonly doc: OpenApiDocument) {}

  read(schema: unknown): Shape {
    const raw = schema ? resolveRef<RawSchema | undefined>(this.doc, schema) : undefined;
    if (!raw || typeof raw !== 'object') return emptyShape();
    const cached = this.cache.get(raw);
    if (cached) return cached;
    const shape = emptyShape();
    this.cache.set(raw, shape);
    let explicitOpen = raw.additionalProperties !== undefined && raw.additionalProperties !== false;
    shape.type = pickType(raw.type);
    shape.format = raw.format;
    shape.description = raw.description;
    for (const [name, prop] of Object.entries(raw.properties ?? {})) shape.properties[name] = this.read(prop);
    shape.required = [...(raw.required ?? [])];
    if (raw.items !== undefined) shape.items = this.read(raw.items);
    shape.enum = raw.enum ?? (raw.const !== undefined ? [raw.const] : undefined);
    shape.default = raw.default;
    shape.example = raw.example ?? (Array.isArray(raw.examples) ? raw.examples[0] : undefined);
    shape.readOnly = raw.readOnly === true;
    shape.pattern = raw.pattern;
    const alternatives = raw.oneOf ?? raw.anyOf;
    if (alternatives?.length) shape.choices = alternatives.map((a) => this.read(a));
    for (const member of raw.allOf ?? []) {
      const m = this.read(member);
      shape.type ??= m.type;
      shape.format ??= m.format;
      shape.description ??= m.description;
      for (const [name, prop] of Object.entries(m.properties)) shape.properties[name] ??= prop;
      for (const r of m.required) if (!shape.required.includes(r)) shape.required.push(r);
      shape.items ??= m.items;
      shape.enum ??= m.enum;
      if (shape.default === undefined) shape.default = m.default;
      if (shape.example === undefined) shape.example = m.example;
      shape.readOnly ||= m.readOnly;
      shape.pattern ??= m.pattern;
      shape.choices ??= m.choices;
      // A member that is a map (properties and more) opens the merge; an empty `type: object` member does not.
      if (m.open && Object.keys(m.properties).length > 0) explicitOpen = true;
    }
    if (!shape.type && Object.keys(shape.properties).length > 0) shape.type = 'object';
    if (!shape.type && shape.items) shape.type = 'array';
    shape.open =
      explicitOpen ||
      (shape.type === 'object' && Object.keys(shape.properties).length === 0 && !shape.choices);
    return shape;
  }
}

function emptyShape(): Shape {
  return { properties: {}, required: [], open: false, readOnly: false };
}

function pickType(type: RawSchema['type']): ShapeType | undefined {
  const types = (Array.isArray(type) ? type : type ? [type] : []).filter((t) => t !== 'null');
  return types.find((t) => TYPES.has(t)) as ShapeType | undefined;
}

/** A shape's effective type: its own, or the one type all its oneOf/anyOf alternatives share. */
export function effectiveType(shape: Shape): ShapeType | undefined {
  if (shape.type) return shape.type;
  const types = new Set((shape.choices ?? []).map((c) => effectiveType(c)));
  return types.size === 1 ? [...types][0] : undefined;
}

/** Whether the shape is a scalar (text, number, boolean), including a choice of one scalar type. */
export function isScalar(shape: Shape): boolean {
  const type = effectiveType(shape);
  return type === 'string' || type === 'number' || type === 'integer' || type === 'boolean';
}

/** The Okta field type of a scalar or object shape. Untyped values are text. */
export function fieldType(shape: Shape): FieldType {
  switch (effectiveType(shape)) {
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return 'text';
  }
}

/** String enums that fit a static dropdown: distinct non-empty strings, not too many to pick from. */
export function dropdownValues(shape: Shape): string[] | undefined {
  const values = shape.enum;
  if (!values || values.length === 0 || values.length > 50) return undefined;
  if (!values.every((v): v is string => typeof v === 'string' && v !== '')) return undefined;
  return new Set(values).size === values.length ? values : undefined;
}
