import {
  assignIf,
  clearEmpty,
  compose,
  construct,
  isOutputRef,
  type ComposePart,
  type ObjectField,
  type Value,
} from '../flopack/builder/index.js';
import { FORM_CONTENT_TYPE, TEXT_CONTENT_TYPE, DEFAULT_CONTENT_TYPE } from '../connector/contract.js';
import type { RequestBody, RequestTemplate } from '../spec/types.js';
import type { TemplateScope } from './template-scope.js';
import { firstOptionalRef, hasOptionalRef, templateParts, textValue } from './templates.js';

/** The values an action passes to httpHelper (contract HELPER_INPUTS + RAW_BODY_INPUT). */
export interface HelperRequest {
  relativeUrl: Value;
  method: Value;
  query: Value;
  headers: Value;
  body: Value;
  rawBody: Value;
}

/**
 * Builds the request of an action (or of `_authping`) from its spec template. Optional values that are empty
 * are never sent: query and JSON bodies go through Clear Empty, form fields through Assign If (contract.ts).
 */
export function buildRequest(scope: TemplateScope, req: RequestTemplate): HelperRequest {
  const relativeUrl = textValue(scope, 'request/url', req.path, {
    encodeRefs: true,
    name: 'Compose relative URL',
  });
  const query = objectValue(scope, 'request/query', req.query ?? {}, 'Query');
  const { body, rawBody, contentType } = bodyValue(scope, req.body);
  const headerFields: Record<string, unknown> = {};
  const userHeaders = req.headers ?? {};
  const userSetsType = Object.keys(userHeaders).some((k) => k.toLowerCase() === 'content-type');
  if (contentType && !userSetsType) headerFields['Content-Type'] = contentType;
  Object.assign(headerFields, userHeaders);
  const headers = objectValue(scope, 'request/headers', headerFields, 'Headers');
  return { relativeUrl, method: req.method, query, headers, body, rawBody };
}

function bodyValue(
  scope: TemplateScope,
  body: RequestBody | undefined,
): { body: Value; rawBody: Value; contentType?: string } {
  if (!body) return { body: {}, rawBody: '' };
  switch (body.encoding) {
    case 'json':
      return {
        body: objectValue(scope, 'request/body', body.fields, 'Body'),
        rawBody: '',
        contentType: DEFAULT_CONTENT_TYPE,
      };
    case 'form':
      return { body: {}, rawBody: formValue(scope, body.fields), contentType: FORM_CONTENT_TYPE };
    case 'text':
      return {
        body: {},
        rawBody: textValue(scope, 'request/text', body.content, { name: 'Compose body' }),
        contentType: body.contentType ?? TEXT_CONTENT_TYPE,
      };
  }
}

/**
 * An object whose string leaves may hold placeholders: a literal object when nothing is templated, else an
 * Object Construct card (nested objects get their own), followed by Clear Empty when a value may be empty.
 */
export function objectValue(
  scope: TemplateScope,
  path: string,
  fields: Record<string, unknown>,
  label: string,
): Value {
  const value = jsonValue(scope, path, fields, label);
  if (!isOutputRef(value) || !hasOptionalRef(scope, fields)) return value;
  return clearEmpty(scope.flow, `${path}/clear`, value, `Clear empty ${label.toLowerCase()}`);
}

function jsonValue(scope: TemplateScope, path: string, value: unknown, label: string): Value {
  if (typeof value === 'string') return textValue(scope, path, value, { name: `Compose ${label}` });
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value as Value;
  const entries = Object.entries(value);
  const values = entries.map(([k, v]) => jsonValue(scope, `${path}/${k}`, v, k));
  if (!values.some(isOutputRef)) return value as Value;
  const fields: ObjectField[] = entries.map(([key], i) => {
    const v = values[i] as Value;
    return isOutputRef(v)
      ? { key, value: v, type: v.field.value.type, collection: v.field.value.collection }
      : { key, value: v, type: fieldType(v), collection: Array.isArray(v) };
  });
  return construct(scope.flow, path, fields, `Construct ${label.toLowerCase()}`);
}

function fieldType(v: unknown): ObjectField['type'] {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (v !== null && typeof v === 'object') return 'object';
  return 'string';
}

/**
 * An application/x-www-form-urlencoded body. Names and literal text are encoded at build time, values at run
 * time with Encode Component (a raw `+` in a phone number would reach Twilio as a space). Fields whose value
 * can be empty become `&Name=value` segments chosen by Assign If (empty → no segment), placed after the
 * always-present fields.
 */
function formValue(scope: TemplateScope, fields: Record<string, string>): Value {
  const always: ComposePart[] = [];
  const optional: ComposePart[] = [];
  for (const [name, template] of Object.entries(fields)) {
    const pair: ComposePart[] = [
      `${encodeURIComponent(name)}=`,
      ...templateParts(scope, template, { encodeText: true, encodeRefs: true }),
    ];
    const maybeEmpty = firstOptionalRef(scope, template);
    if (!maybeEmpty) {
      if (always.length) always.push('&');
      always.push(...pair);
      continue;
    }
    const segment = compose(scope.flow, `request/form/${name}`, ['&', ...pair], `Compose ${name} field`);
    optional.push(
      assignIf(
        scope.flow,
        `request/form/${name}/if`,
        { left: scope.refs.resolve(maybeEmpty.source, maybeEmpty.key), operator: 'is empty' },
        '',
        segment,
        'string',
        `${name} if provided`,
      ),
    );
  }
  const parts = [...always, ...optional];
  if (parts.every((p) => typeof p === 'string')) return parts.join('');
  return compose(scope.flow, 'request/form', parts, 'Compose form body');
}
