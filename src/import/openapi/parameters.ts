import type { OpenAPIV3 } from 'openapi-types';
import type { OpenApiOperation } from '../../openapi/operations.js';
import { credentialRole, type AuthChoice } from './auth.js';
import type { BaseUrlChoice } from './base-url.js';
import { EXPRESSIBLE } from './expressible.js';
import type { ActionFields } from './fields.js';
import type { ShapeReader } from './schema.js';

/** Headers OpenAPI says parameters may not set (the request's own headers and the authentication carry them). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

export interface ParameterContext {
  shapes: ShapeReader;
  auth: AuthChoice;
  base: BaseUrlChoice;
}

export interface ParameterResult {
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
}

/** `${` in literal text is written `$${` (the spec's escape), so a path can never invent a placeholder. */
export function literal(text: string): string {
  return text.split('${').join('$${');
}

/**
 * The path, query and headers of an operation with one field per parameter. Returns a reason instead when a
 * required parameter cannot be sent as the description wants it; optional ones that cannot are left out (noted).
 */
export function requestParameters(
  ctx: ParameterContext,
  op: OpenApiOperation,
  fields: ActionFields,
): ParameterResult | { problem: string } {
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  const pathValues = new Map<string, string>();
  for (const param of op.parameters) {
    const required = param.required === true || param.in === 'path';
    const where = param.in;
    const role = credentialRole(ctx.auth, where, param.name);
    if (where === 'path') {
      const key = ctx.base.pathParameters.get(param.name);
      if (key) {
        pathValues.set(param.name, `\${connection.${key}}`);
        continue;
      }
    }
    if (role === 'copy')
      fields.credentialCopies.add(`${where === 'query' ? 'query parameter' : where} ${param.name}`);
    if (role || (where === 'header' && IGNORED_HEADERS.has(param.name.toLowerCase()))) continue;
    if (where === 'cookie' && !EXPRESSIBLE.cookieParameters) {
      if (required)
        return { problem: `it needs the cookie ${param.name}, and a spec's request sends no cookies` };
      fields.notes.push(`left out the optional cookie ${param.name}: a spec's request sends no cookies`);
      continue;
    }
    const shape = ctx.shapes.read(schemaOf(param));
    const place = where === 'path' ? 'path' : where === 'header' ? 'header' : 'query';
    const explodedList = where !== 'query' || ((param.style ?? 'form') === 'form' && param.explode !== false);
    const field = fields.add(param.name, shape, {
      required,
      place,
      description: param.description,
      explodedList,
    });
    if ('problem' in field) {
      if (required) return { problem: `its required ${where} parameter ${field.problem}` };
      fields.notes.push(`left out the optional ${where} parameter ${field.problem}`);
      continue;
    }
    if (where === 'path') pathValues.set(param.name, field.template);
    else if (where === 'query') query[param.name] = field.template;
    else headers[param.name] = field.template;
  }
  const segments = op.path.split('/').slice(1 + ctx.base.prefix.length);
  const pieces: string[] = [];
  for (const segment of segments) {
    let out = '';
    let last = 0;
    for (const m of segment.matchAll(/\{([^}]+)\}/g)) {
      out += literal(segment.slice(last, m.index));
      let value = pathValues.get(m[1]!);
      if (value === undefined) {
        // The description forgot to declare it: still a required input, flagged for review.
        const field = fields.add(
          m[1]!,
          { properties: {}, required: [], open: false, readOnly: false, type: 'string' },
          {
            required: true,
            place: 'path',
          },
        );
        value = 'template' in field ? field.template : '';
        fields.comments.review(
          ['inputs', fields.inputs.length - 1],
          `{${m[1]}} is in the path but not declared as a parameter`,
        );
        pathValues.set(m[1]!, value);
      }
      out += value;
      last = (m.index ?? 0) + m[0].length;
    }
    pieces.push(out + literal(segment.slice(last)));
  }
  const path = '/' + pieces.join('/');
  if (/[\s?#]/.test(path)) return { problem: `its path "${op.path}" holds whitespace, "?" or "#"` };
  return { path, query, headers };
}

function schemaOf(param: OpenAPIV3.ParameterObject): unknown {
  if (param.schema) return param.schema;
  const media = Object.values(param.content ?? {})[0];
  return media?.schema ?? { type: 'string' };
}
