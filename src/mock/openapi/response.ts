import type { OpenAPIV3 } from 'openapi-types';
import type { SampleGenerator } from './generate.js';
import { mediaFamily, negotiate } from './media-type.js';
import { MockProblem } from './problem.js';
import type { Random } from './random.js';
import { isObject } from './schema-dialect.js';

export interface PlannedResponse {
  status: number;
  /** The response object answering (undefined: the description has none that fits; an empty answer is sent). */
  response?: OpenAPIV3.ResponseObject;
  /** The description's media type sent, when the response has content. */
  mediaType?: string;
  /** The named example chosen (`examples` key), or undefined for `example` or a generated body. */
  exampleName?: string;
  /** True when the body comes from the description as is (an example), so it can be cached. */
  fromExample: boolean;
}

/** What a client may ask for, as Prism lets it: `Prefer: code=404, example=notFound`. */
export interface Preferences {
  code?: string;
  example?: string;
}

export function parsePrefer(header: string | undefined): Preferences {
  const out: Preferences = {};
  for (const part of (header ?? '').split(/[,;]/)) {
    const m = /^\s*(code|example)\s*=\s*"?([^"]*)"?\s*$/i.exec(part);
    if (m) out[m[1]!.toLowerCase() as keyof Preferences] = m[2]!;
  }
  return out;
}

/**
 * Which response the mock gives: the one `Prefer: code=` names, else the lowest 2xx the operation lists (then
 * `2XX`, then `default`, as 200). Its media type follows Accept; its body is the `Prefer: example=` one, else
 * the media type's `example`, else its first `examples` entry, else a value generated from the schema.
 */
export function planResponse(
  responses: Record<string, OpenAPIV3.ResponseObject>,
  accept: string | undefined,
  prefer: Preferences,
  resolve: (value: unknown) => unknown,
): PlannedResponse {
  const { status, key } = chooseStatus(responses, prefer.code);
  const response = key === undefined ? undefined : responses[key];
  const offered = Object.keys(response?.content ?? {});
  const mediaType = negotiate(accept, offered);
  if (!response || mediaType === undefined) return { status, response, fromExample: true };
  const media = response.content![mediaType]!;
  const examples = isObject(media.examples) ? Object.keys(media.examples) : [];
  if (prefer.example !== undefined) {
    if (!examples.includes(prefer.example)) {
      throw preferProblem(`example=${prefer.example}`, examples, 'the response has no example of that name');
    }
    return { status, response, mediaType, exampleName: prefer.example, fromExample: true };
  }
  if (media.example !== undefined) return { status, response, mediaType, fromExample: true };
  const usable = examples.find((name) => {
    const ex = resolve(media.examples![name]) as OpenAPIV3.ExampleObject | undefined;
    return ex?.value !== undefined;
  });
  if (usable !== undefined) return { status, response, mediaType, exampleName: usable, fromExample: true };
  return { status, response, mediaType, fromExample: false };
}

function chooseStatus(responses: Record<string, unknown>, code: string | undefined) {
  const keys = Object.keys(responses);
  if (code !== undefined) {
    const key = keys.find((k) => k === code) ?? keys.find((k) => k.toUpperCase() === `${code[0]}XX`);
    if (!key) throw preferProblem(`code=${code}`, keys, 'the operation has no response with that status');
    return { status: Number(code), key };
  }
  const success = keys
    .filter((k) => /^2\d\d$/.test(k))
    .map(Number)
    .sort((a, b) => a - b);
  if (success.length) return { status: success[0]!, key: String(success[0]) };
  const range = keys.find((k) => k.toUpperCase() === '2XX');
  if (range) return { status: 200, key: range };
  return { status: 200, key: keys.includes('default') ? 'default' : undefined };
}

function preferProblem(value: string, allowed: string[], why: string): MockProblem {
  return new MockProblem('invalid-request', [
    { in: 'header', name: 'Prefer', pointer: '', rule: 'prefer', message: `${value}: ${why}`, allowed },
  ]);
}

/** The body's value: the chosen example, or one generated from the schema with the request's random source. */
export function responseValue(
  plan: PlannedResponse,
  generator: SampleGenerator,
  random: () => Random,
  resolve: (value: unknown) => unknown,
): unknown {
  const media = plan.mediaType === undefined ? undefined : plan.response?.content?.[plan.mediaType];
  if (!media) return undefined;
  if (plan.exampleName !== undefined) {
    return (resolve(media.examples?.[plan.exampleName]) as OpenAPIV3.ExampleObject | undefined)?.value;
  }
  if (media.example !== undefined) return media.example;
  return media.schema === undefined ? undefined : generator.generate(media.schema, random(), 'response');
}

/** The bytes of a value in a media type: JSON for JSON types, the text itself for text, JSON otherwise. */
export function encodeBody(value: unknown, mediaType: string | undefined): Buffer {
  if (value === undefined || mediaType === undefined) return Buffer.alloc(0);
  if (typeof value === 'string' && mediaFamily(mediaType) !== 'json') return Buffer.from(value);
  return Buffer.from(JSON.stringify(value));
}

/** The response's declared headers (not Content-Type or -Length), each from its example or schema. */
export function responseHeaders(
  plan: PlannedResponse,
  generator: SampleGenerator,
  random: () => Random,
  resolve: (value: unknown) => unknown,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(plan.response?.headers ?? {})) {
    if (/^content-(type|length)$/i.test(name)) continue;
    const header = resolve(raw) as OpenAPIV3.HeaderObject | undefined;
    if (!header) continue;
    const value =
      header.example ?? (header.schema ? generator.generate(header.schema, random(), 'response') : undefined);
    if (value === undefined || value === null) continue;
    out[name] = Array.isArray(value)
      ? value.join(',')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  }
  return out;
}
