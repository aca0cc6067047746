import {
  assignIf,
  compose,
  isOutputRef,
  jsonStringify,
  type ComposePart,
  type Value,
} from '../flopack/builder/index.js';
import { FORM_CONTENT_TYPE, TEXT_CONTENT_TYPE, DEFAULT_CONTENT_TYPE } from '../connector/contract.js';
import type { RequestBody, RequestTemplate } from '../spec/types.js';
import type { TemplateScope } from './template-scope.js';
import { optionalRefs } from '../spec/empty-values.js';
import { jsonValue } from './json-value.js';
import { templateParts, textValue } from './templates.js';

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
 * Builds the request of an action (or of `_authping`) from its spec template. Optional values that are empty are
 * never sent, by src/spec/empty-values.ts's rule: JSON values through json-value.ts (Clear Empty on the
 * droppable part of each object), form fields through Assign If. Content-Type is sent only with a body.
 */
export function buildRequest(scope: TemplateScope, req: RequestTemplate): HelperRequest {
  const relativeUrl = textValue(scope, 'request/url', req.path, {
    encodeRefs: true,
    name: 'Compose relative URL',
  });
  const query = jsonValue(scope, 'request/query', req.query ?? {}, 'Query');
  const { body, rawBody, contentType } = bodyValue(scope, req.body);
  const headerFields: Record<string, unknown> = {};
  const userHeaders = req.headers ?? {};
  const userSetsType = Object.keys(userHeaders).some((k) => k.toLowerCase() === 'content-type');
  if (contentType && !userSetsType) headerFields['Content-Type'] = contentType;
  Object.assign(headerFields, userHeaders);
  const headers = jsonValue(scope, 'request/headers', headerFields, 'Headers');
  return { relativeUrl, method: req.method, query, headers, body, rawBody };
}

function bodyValue(
  scope: TemplateScope,
  body: RequestBody | undefined,
): { body: Value; rawBody: Value; contentType?: string } {
  if (!body) return { body: {}, rawBody: '' };
  switch (body.encoding) {
    case 'json': {
      if (!Array.isArray(body.fields))
        return {
          body: jsonValue(scope, 'request/body', body.fields, 'Body'),
          rawBody: '',
          contentType: DEFAULT_CONTENT_TYPE,
        };
      // A top-level list travels as text: httpHelper's `body` is an Object field.
      const list = jsonValue(scope, 'request/body', body.fields, 'Body');
      return {
        body: {},
        rawBody: isOutputRef(list)
          ? jsonStringify(scope.flow, 'request/body/json', list, 'Stringify body')
          : JSON.stringify(list),
        contentType: DEFAULT_CONTENT_TYPE,
      };
    }
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
    const refs = optionalRefs(template, (source, key) => scope.refs.optional(source, key));
    if (refs.length === 0) {
      if (always.length) always.push('&');
      always.push(...pair);
      continue;
    }
    // One Assign If per optional placeholder: any of them empty → no segment (empty-values.ts rule 1).
    let segment: Value = compose(scope.flow, `request/form/${name}`, ['&', ...pair], `Compose ${name} field`);
    refs.forEach((ref, i) => {
      const left = scope.refs.resolve(ref.source, ref.key);
      segment = assignIf(
        scope.flow,
        i === 0 ? `request/form/${name}/if` : `request/form/${name}/if/${i}`,
        { left, operator: 'is empty' },
        '',
        segment,
        'string',
        refs.length === 1 ? `${name} if provided` : `${name} if ${ref.key} provided`,
      );
    });
    optional.push(segment as ComposePart);
  }
  const parts = [...always, ...optional];
  if (parts.every((p) => typeof p === 'string')) return parts.join('');
  return compose(scope.flow, 'request/form', parts, 'Compose form body');
}
