import type { OpenAPIV3 } from 'openapi-types';
import { parseForm, type FormFields } from '../http/form.js';
import { essence, matchMediaType, mediaFamily, type MediaFamily } from './media-type.js';
import { MockProblem } from './problem.js';
import { isObject } from './schema-dialect.js';
import { setOwn } from './own-property.js';

/** A request body as read: which of the operation's media types it is, and its value ready to validate. */
export type ReadBody =
  | { kind: 'absent' }
  | {
      kind: 'read';
      /** The description's key the Content-Type matched (`application/json`, `multipart/*`, …). */
      mediaType: string;
      family: MediaFamily;
      /** Parsed JSON, form or multipart fields as an object, text as a string; undefined for opaque bodies. */
      value: unknown;
      /** Form and multipart fields as sent, for the request log. */
      fields?: FormFields;
    };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the body against the operation's `requestBody`: a Content-Type the operation does not list is a 415, a
 * body that does not parse as its type a 400 (`syntax`), a missing required body a 400 (`required`); an empty body
 * to an operation that takes a form is an empty form, whose required fields are then missing. Form and
 * multipart fields become an object whose object-typed properties are parsed as JSON (OpenAPI's default
 * encoding for them); scalars stay text for the coercing validator.
 */
export async function readRequestBody(
  requestBody: OpenAPIV3.RequestBodyObject | undefined,
  contentType: string | undefined,
  raw: Buffer,
  resolve: (value: unknown) => unknown,
): Promise<ReadBody> {
  if (!requestBody) return { kind: 'absent' };
  const keys = Object.keys(requestBody.content ?? {});
  const type = essence(contentType);
  const family = type === '' ? undefined : mediaFamily(type);
  if (raw.length === 0) {
    // An empty form is a form with no fields, not a missing body: its required fields are still required.
    const formKey = keys.find((k) => mediaFamily(k) === 'form');
    if (formKey && (family === undefined || family === 'form')) {
      const schema = resolve(requestBody.content[formKey]?.schema);
      return {
        kind: 'read',
        mediaType: formKey,
        family: 'form',
        value: fieldsToObject({}, schema, resolve),
        fields: {},
      };
    }
    if (requestBody.required) {
      throw new MockProblem('invalid-request', [
        { in: 'body', pointer: '', rule: 'required', message: 'a request body is required' },
      ]);
    }
    return { kind: 'absent' };
  }
  const mediaType = type === '' ? undefined : matchMediaType(type, keys);
  if (mediaType === undefined || family === undefined) {
    throw new MockProblem(
      'unsupported-media-type',
      [
        {
          in: 'header',
          name: 'Content-Type',
          rule: 'mediaType',
          message:
            type === ''
              ? `is missing; the operation accepts ${keys.join(', ')}`
              : `${type} is not accepted; the operation accepts ${keys.join(', ')}`,
          allowed: keys,
        },
      ],
      { Accept: keys.join(', ') },
    );
  }
  const schema = resolve(requestBody.content[mediaType]?.schema);
  switch (family) {
    case 'json':
      return { kind: 'read', mediaType, family, value: parseJson(raw) };
    case 'form': {
      const fields = syntax(() => parseForm(raw), 'is not valid form-urlencoded text');
      return { kind: 'read', mediaType, family, value: fieldsToObject(fields, schema, resolve), fields };
    }
    case 'multipart': {
      const fields = await parseMultipart(raw, contentType!);
      return { kind: 'read', mediaType, family, value: fieldsToObject(fields, schema, resolve), fields };
    }
    case 'text':
      return { kind: 'read', mediaType, family, value: syntax(() => utf8.decode(raw), 'is not valid UTF-8') };
    case 'other':
      return { kind: 'read', mediaType, family, value: undefined };
  }
}

function parseJson(raw: Buffer): unknown {
  const text = syntax(() => utf8.decode(raw), 'is not valid UTF-8');
  return syntax(() => JSON.parse(text) as unknown, 'is not valid JSON');
}

function syntax<T>(read: () => T, message: string): T {
  try {
    return read();
  } catch {
    throw new MockProblem('invalid-request', [{ in: 'body', pointer: '', rule: 'syntax', message }]);
  }
}

/** Multipart parsing by the platform's own (undici's) `Response.formData()`; files stand in as a short text. */
async function parseMultipart(raw: Buffer, contentType: string): Promise<FormFields> {
  let data: FormData;
  try {
    data = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new MockProblem('invalid-request', [
      { in: 'body', pointer: '', rule: 'syntax', message: 'is not valid multipart/form-data' },
    ]);
  }
  const out: FormFields = {};
  for (const [name, value] of data.entries()) {
    const text = typeof value === 'string' ? value : `<file ${value.name || 'unnamed'}, ${value.size} bytes>`;
    const prev = Object.prototype.hasOwnProperty.call(out, name) ? out[name] : undefined;
    const next = prev === undefined ? text : Array.isArray(prev) ? [...prev, text] : [prev, text];
    setOwn(out, name, next);
  }
  return out;
}

/** Fields to an object; a field whose schema is an object holds JSON text (OpenAPI's default encoding). */
function fieldsToObject(
  fields: FormFields,
  schema: unknown,
  resolve: (v: unknown) => unknown,
): Record<string, unknown> {
  const props = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) {
    let value: unknown = fields[name];
    const prop = Object.prototype.hasOwnProperty.call(props, name) ? resolve(props[name]) : undefined;
    if (
      isObject(prop) &&
      (prop.type === 'object' || isObject(prop.properties)) &&
      typeof value === 'string'
    ) {
      try {
        value = JSON.parse(value);
      } catch {
        /* left as text: the validator reports the type */
      }
    }
    setOwn(out, name, value);
  }
  return out;
}
