import { createRequire } from 'node:module';
import type { OpenApiDocument } from '../../openapi/load.js';
import { lookupPointer } from '../../openapi/operations.js';
import type { Random } from './random.js';
import { isObject, type Direction } from './schema-dialect.js';

type Schema = Record<string, unknown>;

// randexp is CommonJS whose module object is the class itself.
type RandExp = import('randexp').default;
const RandExp = createRequire(import.meta.url)('randexp') as typeof import('randexp').default;

/** Returned for a value that cannot be made (a recursion cut short): an optional property is then left out. */
const OMIT = Symbol('omit');

/** Below this depth, only required properties are filled: deep optional trees add bytes, not realism. */
const OPTIONAL_DEPTH = 6;
const MAX_DEPTH = 24;

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];

/**
 * Makes a value that satisfies a schema of the description, deterministically from a random source: the same
 * schema and source give the same value. Values the description gives (`const`, `example`, `examples`,
 * `default`) are used as they are; otherwise enums, formats, patterns (by randexp), lengths, ranges,
 * `multipleOf`, `allOf`/`oneOf`/`anyOf` (with their discriminator) and `readOnly`/`writeOnly` are honoured.
 * Every optional property is filled down to a depth, so flows reading them find a value.
 */
export class SampleGenerator {
  private readonly patterns = new Map<string, RandExp | null>();

  constructor(private readonly doc: OpenApiDocument) {}

  generate(schema: unknown, random: Random, direction: Direction = 'response'): unknown {
    const value = this.value(schema, { random, direction, depth: 0, refs: [] });
    return value === OMIT ? null : value;
  }

  private value(schema: unknown, ctx: Context): unknown {
    if (schema === false) return OMIT;
    if (!isObject(schema)) return this.word(ctx.random);
    if (ctx.depth > MAX_DEPTH) return OMIT;
    if (typeof schema.$ref === 'string') {
      const ref = schema.$ref;
      if (ctx.refs.filter((r) => r === ref).length >= 2) return OMIT;
      const target = this.lookup(ref);
      const { $ref: _ignored, ...siblings } = schema;
      const merged =
        Object.keys(siblings).length && this.doc.openapi.startsWith('3.1') ? merge(target, siblings) : target;
      return this.value(merged, { ...ctx, refs: [...ctx.refs, ref] });
    }
    const given = givenValue(schema);
    if (given !== undefined) return given;
    if (Array.isArray(schema.enum) && schema.enum.length) {
      const choices = schema.enum.filter((v) => v !== null);
      return choices.length ? ctx.random.pick(choices) : null;
    }
    if (Array.isArray(schema.allOf)) {
      const { allOf, ...rest } = schema;
      return this.value(
        (allOf as unknown[]).reduce<Schema>((acc, part) => merge(acc, this.flatten(part, ctx)), rest),
        ctx,
      );
    }
    const branches = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
    if (Array.isArray(branches) && branches.length) return this.branch(schema, branches, ctx);
    switch (typeOf(schema)) {
      case 'object':
        return this.object(schema, ctx);
      case 'array':
        return this.array(schema, ctx);
      case 'integer':
        return this.number(schema, ctx.random, true);
      case 'number':
        return this.number(schema, ctx.random, false);
      case 'boolean':
        return ctx.random.next() < 0.5;
      case 'null':
        return null;
      default:
        return this.string(schema, ctx.random);
    }
  }

  private branch(schema: Schema, branches: unknown[], ctx: Context): unknown {
    const index = ctx.random.int(0, branches.length - 1);
    const chosen = branches[index];
    const { oneOf: _o, anyOf: _a, discriminator, ...rest } = schema;
    const value = this.value(merge(rest, this.flatten(chosen, ctx)), ctx);
    const d = discriminator as { propertyName?: unknown; mapping?: Record<string, string> } | undefined;
    if (
      isObject(value) &&
      typeof d?.propertyName === 'string' &&
      isObject(chosen) &&
      typeof chosen.$ref === 'string'
    ) {
      const ref = chosen.$ref;
      const mapped = Object.entries(d.mapping ?? {}).find(
        ([, target]) => target === ref || ref.endsWith(`/${target}`),
      );
      value[d.propertyName] = mapped?.[0] ?? decodeURIComponent(ref.split('/').pop()!);
    }
    return value;
  }

  private object(schema: Schema, ctx: Context): unknown {
    const out: Record<string, unknown> = {};
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const properties = isObject(schema.properties) ? schema.properties : {};
    const inner = { ...ctx, depth: ctx.depth + 1 };
    const hidden = ctx.direction === 'response' ? 'writeOnly' : 'readOnly';
    for (const [name, prop] of Object.entries(properties)) {
      const isRequired = required.has(name);
      if (!isRequired && ctx.depth >= OPTIONAL_DEPTH) continue;
      if (this.deref(prop)?.[hidden] === true) continue;
      const value = this.value(prop, inner);
      if (value === OMIT) {
        if (isRequired) out[name] = this.minimal(prop);
        continue;
      }
      out[name] = value;
    }
    const extra = schema.additionalProperties;
    const wanted = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
    for (let i = 0; Object.keys(out).length < wanted && i < 1000; i++) {
      const value = isObject(extra) ? this.value(extra, inner) : this.word(ctx.random);
      out[`${this.word(ctx.random)}${i}`] = value === OMIT ? null : value;
    }
    return out;
  }

  private array(schema: Schema, ctx: Context): unknown {
    const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const max = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
    const count = Math.min(max, Math.max(min, ctx.depth >= OPTIONAL_DEPTH ? 0 : 1));
    const inner = { ...ctx, depth: ctx.depth + 1 };
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
    const out: unknown[] = [];
    for (let i = 0; i < count; i++) {
      const value = this.value(i < prefix.length ? prefix[i] : (schema.items ?? {}), inner);
      if (value === OMIT) break;
      out.push(value);
    }
    return out.length < min ? OMIT : out;
  }

  private number(schema: Schema, random: Random, integer: boolean): number {
    const exclusive = (bound: 'minimum' | 'maximum', key: 'exclusiveMinimum' | 'exclusiveMaximum') => {
      const flag = schema[key];
      if (typeof flag === 'number') return { value: flag, open: true };
      return typeof schema[bound] === 'number'
        ? { value: schema[bound] as number, open: flag === true }
        : undefined;
    };
    const low = exclusive('minimum', 'exclusiveMinimum');
    const high = exclusive('maximum', 'exclusiveMaximum');
    const step = integer ? 1 : 0.01;
    let lo = low ? low.value + (low.open ? step : 0) : high ? high.value - 1000 : 1;
    let hi = high ? high.value - (high.open ? step : 0) : lo + 1000;
    if (integer) {
      lo = Math.ceil(lo);
      hi = Math.floor(hi);
    }
    if (hi < lo) hi = lo;
    const multipleOf =
      typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
    if (multipleOf) {
      const k = random.int(
        Math.ceil(lo / multipleOf),
        Math.max(Math.ceil(lo / multipleOf), Math.floor(hi / multipleOf)),
      );
      return Number((k * multipleOf).toPrecision(12));
    }
    if (integer) return random.int(lo, hi);
    return Math.min(hi, Math.round((lo + random.next() * (hi - lo)) * 100) / 100);
  }

  private string(schema: Schema, random: Random): string {
    const format = typeof schema.format === 'string' ? schema.format : undefined;
    const byFormat = format ? formatSample(format, random, this.word(random)) : undefined;
    if (byFormat !== undefined) return byFormat;
    if (typeof schema.pattern === 'string') {
      const sample = this.fromPattern(schema.pattern, random);
      if (sample !== undefined) return sample;
    }
    const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
    let s = this.word(random);
    while (s.length < min) s += random.pick(WORDS);
    return s.slice(0, Math.max(min, Math.min(max, s.length)));
  }

  private fromPattern(pattern: string, random: Random): string | undefined {
    let gen = this.patterns.get(pattern);
    if (gen === undefined) {
      try {
        gen = new RandExp(pattern);
        gen.max = 8;
      } catch {
        gen = null;
      }
      this.patterns.set(pattern, gen);
    }
    if (!gen) return undefined;
    gen.randInt = (a: number, b: number) => random.int(a, b);
    return gen.gen();
  }

  private word(random: Random): string {
    return `${random.pick(WORDS)}-${random.int(0, 0xffff).toString(16).padStart(4, '0')}`;
  }

  /** The smallest value of the schema's type, for a required property whose recursion was cut. */
  private minimal(schema: unknown): unknown {
    const target = this.deref(schema);
    switch (target ? typeOf(target) : 'string') {
      case 'object':
        return {};
      case 'array':
        return [];
      case 'integer':
      case 'number':
        return 0;
      case 'boolean':
        return false;
      case 'null':
        return null;
      default:
        return '';
    }
  }

  /** A schema with its `$ref` followed and its own `allOf` merged in, for composing. */
  private flatten(schema: unknown, ctx: Context, depth = 0): Schema {
    const target = this.deref(schema) ?? {};
    if (!Array.isArray(target.allOf) || depth > 8) return target;
    const { allOf, ...rest } = target;
    return (allOf as unknown[]).reduce<Schema>(
      (acc, part) => merge(acc, this.flatten(part, ctx, depth + 1)),
      rest,
    );
  }

  private deref(schema: unknown): Schema | undefined {
    let node = schema;
    for (let i = 0; i < 16 && isObject(node) && typeof node.$ref === 'string'; i++)
      node = this.lookup(node.$ref);
    return isObject(node) ? node : undefined;
  }

  private lookup(ref: string): Schema {
    try {
      const target = lookupPointer(this.doc, ref);
      return isObject(target) ? target : {};
    } catch {
      return {};
    }
  }
}

interface Context {
  random: Random;
  direction: Direction;
  depth: number;
  /** `$ref`s followed to get here, to stop recursive schemas. */
  refs: string[];
}

/** A value the description itself gives for the schema. */
function givenValue(schema: Schema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  return undefined;
}

function typeOf(schema: Schema): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return (t.find((x) => x !== 'null') ?? t[0]) as string | undefined;
  if (isObject(schema.properties) || schema.additionalProperties !== undefined) return 'object';
  if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array';
  return undefined;
}

/**
 * Two schemas as one (allOf): properties and required united, a property or `items` both give becomes the
 * `allOf` of the two, the rest taken from the later where both say.
 */
function merge(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a, ...b };
  const both = (x: unknown, y: unknown) => (x === undefined ? y : y === undefined ? x : { allOf: [x, y] });
  if (isObject(a.properties) || isObject(b.properties)) {
    const pa = isObject(a.properties) ? a.properties : {};
    const pb = isObject(b.properties) ? b.properties : {};
    out.properties = Object.fromEntries(
      [...new Set([...Object.keys(pa), ...Object.keys(pb)])].map((k) => [k, both(pa[k], pb[k])]),
    );
  }
  if (a.items !== undefined && b.items !== undefined) out.items = both(a.items, b.items);
  if (Array.isArray(a.required) || Array.isArray(b.required)) {
    out.required = [...new Set([...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])])];
  }
  if (a.type !== undefined && b.type === undefined) out.type = a.type;
  return out;
}

const EPOCH_2020 = Date.UTC(2020, 0, 1);
const SPAN_6_YEARS = 6 * 365 * 24 * 3600 * 1000;

/** A value for a known format (JSON Schema's and common vendor ones), or undefined to fall back to the pattern. */
function formatSample(format: string, random: Random, word: string): string | undefined {
  const date = () => new Date(EPOCH_2020 + Math.floor((random.next() * SPAN_6_YEARS) / 1000) * 1000);
  const hex = (n: number) => Array.from({ length: n }, () => random.int(0, 15).toString(16)).join('');
  switch (format) {
    case 'date-time':
      return date()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
    case 'date':
      return date().toISOString().slice(0, 10);
    case 'time':
      return date().toISOString().slice(11, 19) + 'Z';
    case 'date-time-rfc-2822':
    case 'http-date':
      return date().toUTCString().replace('GMT', '+0000');
    case 'email':
    case 'idn-email':
      return `${word}@example.com`;
    case 'uri':
    case 'url':
    case 'iri':
      return `https://example.com/${word}`;
    case 'uri-reference':
    case 'iri-reference':
      return `/${word}`;
    case 'hostname':
    case 'idn-hostname':
      return `${word}.example.com`;
    case 'ipv4':
      return `192.0.2.${random.int(1, 254)}`;
    case 'ipv6':
      return `2001:db8::${hex(4)}`;
    case 'uuid':
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${random.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
    case 'byte':
      return Buffer.from(word).toString('base64');
    case 'int32':
    case 'int64':
      return String(random.int(1, 1_000_000));
    case 'phone-number':
      return `+1555${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
    default:
      return undefined;
  }
}
