import type { IncomingHttpHeaders } from 'node:http';
import type { OpenAPIV3 } from 'openapi-types';
import type { FormFields } from '../http/form.js';
import type { Violation } from './problem.js';
import { isObject } from './schema-dialect.js';
import { setOwn } from './own-property.js';

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';
export const PARAMETER_LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

/** Parameters as the description declares them, with what deserialising them needs worked out once. */
export interface ParameterSpec {
  name: string;
  in: ParameterLocation;
  required: boolean;
  style: string;
  explode: boolean;
  allowEmptyValue: boolean;
  /** `array`, `object` or a single value, from the schema's type (refs followed). */
  shape: 'array' | 'object' | 'primitive';
  /** For objects written as separate fields (form + explode): the property names to collect. */
  properties: string[];
  /** A parameter described by `content` (a JSON document in a query string, say) is parsed as JSON. */
  json: boolean;
  /** The schema that validates the deserialised value. */
  schema: unknown;
}

/** The raw request, split by location. */
export interface RequestParts {
  /** Path variables as matched, still percent-encoded. */
  pathParams: Record<string, string>;
  /** Decoded query fields; a repeated key is an array. */
  query: FormFields;
  headers: IncomingHttpHeaders;
  cookies: Record<string, string>;
}

/** Header parameters OpenAPI says to ignore: HTTP itself defines them. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

const DEFAULT_STYLE: Record<ParameterLocation, string> = {
  path: 'simple',
  query: 'form',
  header: 'simple',
  cookie: 'form',
};

export function parameterSpecs(
  parameters: readonly OpenAPIV3.ParameterObject[],
  resolve: (value: unknown) => unknown,
): ParameterSpec[] {
  const out: ParameterSpec[] = [];
  for (const p of parameters) {
    const location = p.in as ParameterLocation;
    if (!PARAMETER_LOCATIONS.includes(location)) continue;
    if (location === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase())) continue;
    const style = p.style ?? DEFAULT_STYLE[location];
    const media = p.content ? Object.entries(p.content)[0] : undefined;
    const schema = media ? media[1].schema : p.schema;
    const resolved = resolve(schema);
    const shape = shapeOf(resolved);
    out.push({
      name: p.name,
      in: location,
      required: location === 'path' || p.required === true,
      style,
      explode: p.explode ?? style === 'form',
      allowEmptyValue: p.allowEmptyValue === true,
      shape: media ? 'primitive' : shape,
      properties: isObject(resolved) && isObject(resolved.properties) ? Object.keys(resolved.properties) : [],
      json: media ? /json/i.test(media[0]) : false,
      schema: schema ?? {},
    });
  }
  return out;
}

function shapeOf(schema: unknown): ParameterSpec['shape'] {
  if (!isObject(schema)) return 'primitive';
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('array') || (schema.type === undefined && schema.items !== undefined)) return 'array';
  if (types.includes('object') || (schema.type === undefined && isObject(schema.properties))) return 'object';
  return 'primitive';
}

/**
 * Reads every declared parameter from the request by its location, style and explode (OpenAPI 3 §4.8.12.4):
 * `form`, `spaceDelimited`, `pipeDelimited` and `deepObject` in queries, `simple` in paths and headers, `label` and
 * `matrix` in paths, `form` in cookies. Values stay text (the validator coerces them by type); what cannot be
 * read at all (a required one missing, an empty value where none is allowed, a repeated single value, a value
 * not in its style) is a violation here.
 */
export function readParameters(
  specs: readonly ParameterSpec[],
  parts: RequestParts,
): { values: Record<ParameterLocation, Record<string, unknown>>; violations: Violation[] } {
  const values: Record<ParameterLocation, Record<string, unknown>> = {
    path: {},
    query: {},
    header: {},
    cookie: {},
  };
  const violations: Violation[] = [];
  for (const spec of specs) {
    const fail = (rule: string, message: string) =>
      violations.push({ in: spec.in, name: spec.name, pointer: '', rule, message });
    let value: unknown;
    try {
      value = readOne(spec, parts);
    } catch (error) {
      if (!(error instanceof StyleError)) throw error;
      fail(error.rule, error.message);
      continue;
    }
    if (value === undefined) {
      if (spec.required) fail('required', 'is required');
      continue;
    }
    if (spec.in === 'query' && !spec.allowEmptyValue && isEmpty(value)) {
      fail('allowEmptyValue', 'is empty; the description does not allow an empty value (allowEmptyValue)');
      continue;
    }
    if (spec.json && typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        fail('syntax', 'is not valid JSON');
        continue;
      }
    }
    values[spec.in][spec.name] = value;
  }
  return { values, violations };
}

class StyleError extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

function isEmpty(value: unknown): boolean {
  return value === '' || (Array.isArray(value) && value.some((v) => v === ''));
}

function readOne(spec: ParameterSpec, parts: RequestParts): unknown {
  switch (spec.in) {
    case 'path': {
      const raw = parts.pathParams[spec.name];
      return raw === undefined ? undefined : readPath(spec, raw);
    }
    case 'query':
      return readQuery(spec, parts.query);
    case 'header': {
      const raw = parts.headers[spec.name.toLowerCase()];
      if (raw === undefined) return undefined;
      return readSimple(spec, Array.isArray(raw) ? raw.join(',') : raw, (s) => s.trim());
    }
    case 'cookie': {
      const raw = parts.cookies[spec.name];
      return raw === undefined ? undefined : readSimple(spec, raw, (s) => s);
    }
  }
}

function readPath(spec: ParameterSpec, raw: string): unknown {
  switch (spec.style) {
    case 'label': {
      if (!raw.startsWith('.')) throw new StyleError('style', 'must start with "." (label style)');
      const body = raw.slice(1);
      if (spec.shape === 'primitive') return decode(body);
      return fromList(spec, spec.explode ? body.split('.') : body.split(','), decode);
    }
    case 'matrix': {
      const prefix = `;${spec.name}`;
      if (!raw.startsWith(prefix))
        throw new StyleError('style', `must start with "${prefix}=" (matrix style)`);
      if (spec.shape === 'primitive') return decode(raw.slice(prefix.length).replace(/^=/, ''));
      const pieces = raw.slice(1).split(';');
      if (spec.shape === 'array' && spec.explode)
        return pieces.map((p) => decode(p.slice(p.indexOf('=') + 1)));
      if (spec.shape === 'object' && spec.explode)
        return pairsToObject(
          pieces.map((p) => p.split('=')),
          decode,
        );
      return fromList(spec, raw.slice(prefix.length + 1).split(','), decode);
    }
    default:
      return readSimple(spec, raw, decode);
  }
}

/** `simple` (and cookie `form`): `a,b,c` for arrays, `k,v,k2,v2` or (explode) `k=v,k2=v2` for objects. */
function readSimple(spec: ParameterSpec, raw: string, clean: (s: string) => string): unknown {
  if (spec.shape === 'primitive') return clean(raw);
  const items = raw.split(',');
  if (spec.shape === 'object' && spec.explode)
    return pairsToObject(
      items.map((p) => p.split('=')),
      clean,
    );
  return fromList(spec, items, clean);
}

function fromList(spec: ParameterSpec, items: string[], clean: (s: string) => string): unknown {
  if (spec.shape === 'array') return items.map(clean);
  const pairs: string[][] = [];
  for (let i = 0; i < items.length; i += 2) pairs.push([items[i]!, items[i + 1] ?? '']);
  return pairsToObject(pairs, clean);
}

function pairsToObject(pairs: string[][], clean: (s: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of pairs) {
    if (k === undefined || k === '') continue;
    setOwn(out, clean(k), clean(v ?? ''));
  }
  return out;
}

function readQuery(spec: ParameterSpec, query: FormFields): unknown {
  const own = Object.prototype.hasOwnProperty;
  if (spec.style === 'deepObject') {
    const prefix = `${spec.name}[`;
    const out: Record<string, string> = {};
    let found = false;
    for (const key of Object.keys(query)) {
      if (!key.startsWith(prefix) || !key.endsWith(']')) continue;
      found = true;
      const v = query[key]!;
      setOwn(out, key.slice(prefix.length, -1), Array.isArray(v) ? v[v.length - 1] : v);
    }
    return found ? out : undefined;
  }
  if (spec.shape === 'object' && spec.explode && spec.style === 'form') {
    // Each property is its own field: `?color=red&size=2` for an object parameter with those properties.
    const out: Record<string, unknown> = {};
    let found = false;
    for (const prop of spec.properties) {
      if (!own.call(query, prop)) continue;
      found = true;
      out[prop] = query[prop];
    }
    return found ? out : undefined;
  }
  if (!own.call(query, spec.name)) return undefined;
  const raw = query[spec.name]!;
  const values = Array.isArray(raw) ? raw : [raw];
  if (spec.shape === 'array') {
    if (spec.explode && spec.style === 'form') return values;
    const separator = spec.style === 'spaceDelimited' ? ' ' : spec.style === 'pipeDelimited' ? '|' : ',';
    return values.flatMap((v) => (v === '' ? [''] : v.split(separator)));
  }
  if (values.length > 1) {
    throw new StyleError('style', `is given ${values.length} times; the description allows one value`);
  }
  if (spec.shape === 'object') return fromList(spec, values[0]!.split(','), (s) => s);
  return values[0];
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new StyleError('syntax', 'has a broken percent-encoding');
  }
}

/** `a=1; b=2` → { a: '1', b: '2' } (values percent-decoded when they can be). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name === '' || Object.prototype.hasOwnProperty.call(out, name)) continue;
    const raw = part.slice(eq + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      /* keep as sent */
    }
    setOwn(out, name, value);
  }
  return out;
}
