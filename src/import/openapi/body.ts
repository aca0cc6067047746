import type { OpenApiOperation } from '../../openapi/operations.js';
import type { RequestBody } from '../../spec/types.js';
import { credentialRole, type AuthChoice } from './auth.js';
import { BODY_ENCODINGS, EXPRESSIBLE, MAX_EXPANDED_DEPTH, unsupportedBodyReason } from './expressible.js';
import type { ActionFields } from './fields.js';
import { effectiveType, type Shape, type ShapeReader } from './schema.js';

export interface BodyContext {
  shapes: ShapeReader;
  auth: AuthChoice;
}

/**
 * The request body of an operation: JSON (fields spelled out where the generator sends them exactly, see
 * EXPRESSIBLE), form (text fields) or text. Returns the reason when the body cannot be sent as described.
 */
export function requestBody(
  ctx: BodyContext,
  op: OpenApiOperation,
  fields: ActionFields,
): { body?: RequestBody; mediaType?: string } | { problem: string } {
  const content = op.requestBody?.content ?? {};
  const mediaTypes = Object.keys(content);
  if (!op.requestBody || mediaTypes.length === 0) return {};
  const required = op.requestBody.required === true;
  for (const { test, encoding } of BODY_ENCODINGS) {
    const mediaType = mediaTypes.find((t) => test(t.toLowerCase().split(';')[0]!.trim()));
    if (!mediaType) continue;
    const shape = ctx.shapes.read(content[mediaType]!.schema);
    if (encoding === 'text') {
      const field = fields.add('body', shape.type ? shape : { ...shape, type: 'string' }, {
        required,
        place: 'text',
        description: op.requestBody.description ?? `The ${mediaType} body.`,
      });
      if ('problem' in field) return { problem: `its ${mediaType} body ${field.problem}` };
      return { body: { encoding: 'text', contentType: mediaType, content: field.template }, mediaType };
    }
    const type = effectiveType(shape);
    if (type !== 'object' && !(type === undefined && Object.keys(shape.properties).length > 0)) {
      if (encoding === 'json' && !EXPRESSIBLE.nonObjectJsonBody)
        return {
          problem: `its JSON body is ${type === 'array' ? 'a list' : type ? `a ${type}` : 'of no fixed shape'}, and a spec's JSON body is an object of fields`,
        };
      if (encoding === 'form') return { problem: `its form body is not an object of fields` };
    }
    if (Object.keys(shape.properties).length === 0 && (shape.open || shape.choices)) {
      if (!EXPRESSIBLE.wholeBodyFromOneInput)
        return {
          problem: `its ${encoding === 'json' ? 'JSON' : 'form'} body is free-form (no named fields), and a spec's body cannot come from one input`,
        };
    }
    if (encoding === 'form') {
      const built = formFields(ctx, shape, fields);
      return 'problem' in built ? built : { body: { encoding: 'form', fields: built.fields }, mediaType };
    }
    const built = jsonFields(ctx, shape, fields, 1);
    return 'problem' in built ? built : { body: { encoding: 'json', fields: built.fields }, mediaType };
  }
  return { problem: `its request body is ${unsupportedBodyReason(mediaTypes[0]!.toLowerCase())}` };
}

function formFields(
  ctx: BodyContext,
  shape: Shape,
  fields: ActionFields,
): { fields: Record<string, string> } | { problem: string } {
  const out: Record<string, string> = {};
  for (const [name, prop] of Object.entries(shape.properties)) {
    if (prop.readOnly) continue;
    const required = shape.required.includes(name);
    const role = credentialRole(ctx.auth, 'form', name);
    if (role === 'copy') fields.credentialCopies.add(`form field ${name}`);
    if (role) continue;
    const field = fields.add(name, prop, { required, place: 'form', description: prop.description });
    if ('problem' in field) {
      if (required) return { problem: `its required form field ${field.problem}` };
      fields.notes.push(`left out the optional form field ${field.problem}`);
      continue;
    }
    out[name] = field.template;
  }
  return { fields: out };
}

/**
 * JSON fields: scalars, lists (one list input: the whole array passes through) and objects. A nested object is
 * spelled out field by field only when it and everything in it are required (EXPRESSIBLE.optionalValuesInNestedJson)
 * and it is not too deep; otherwise it is one Object input. A top-level copy of the credential is left out, as in
 * a form (see credentialRole).
 */
function jsonFields(
  ctx: BodyContext,
  shape: Shape,
  fields: ActionFields,
  depth: number,
  prefix = '',
): { fields: Record<string, unknown> } | { problem: string } {
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(shape.properties)) {
    if (prop.readOnly) continue;
    const required = shape.required.includes(name);
    const fieldName = prefix ? `${prefix} ${name}` : name;
    if (depth === 1 && credentialRole(ctx.auth, 'body', name) === 'copy') {
      fields.credentialCopies.add(`JSON field ${name}`);
      continue;
    }
    if (required && prop.enum?.length === 1 && prop.enum[0] !== null) {
      out[name] = typeof prop.enum[0] === 'string' ? prop.enum[0].split('${').join('$${') : prop.enum[0];
      continue;
    }
    if (expandable(prop, required, depth)) {
      const nested = jsonFields(ctx, prop, fields, depth + 1, fieldName);
      if ('problem' in nested) return nested;
      out[name] = nested.fields;
      continue;
    }
    const field = fields.add(fieldName, prop, {
      required: depth === 1 ? required : true,
      place: 'json',
      description: prop.description,
    });
    if ('problem' in field) {
      if (required) return { problem: `its required JSON field ${field.problem}` };
      fields.notes.push(`left out the optional JSON field ${field.problem}`);
      continue;
    }
    out[name] = field.template;
  }
  return { fields: out };
}

function expandable(shape: Shape, required: boolean, depth: number): boolean {
  if (effectiveType(shape) !== 'object' || shape.open || shape.choices || depth >= MAX_EXPANDED_DEPTH)
    return false;
  const props = Object.entries(shape.properties).filter(([, p]) => !p.readOnly);
  if (props.length === 0) return false;
  if (EXPRESSIBLE.optionalValuesInNestedJson) return true;
  return (
    required &&
    props.every(
      ([name, p]) =>
        shape.required.includes(name) && (effectiveType(p) !== 'object' || expandable(p, true, depth + 1)),
    )
  );
}
