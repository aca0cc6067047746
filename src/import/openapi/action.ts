import type { OpenApiOperation } from '../../openapi/operations.js';
import type { Action, HttpMethod, RequestTemplate } from '../../spec/types.js';
import { securityProblem } from './auth.js';
import { serverProblem } from './base-url.js';
import { requestBody } from './body.js';
import { guessMessagePath } from './errors.js';
import { ActionFields } from './fields.js';
import { plainText } from './names.js';
import { actionOutputs } from './outputs.js';
import { requestParameters, type ParameterContext } from './parameters.js';
import { operationLabel } from './select.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export interface ImportedAction {
  action: Action;
  fields: ActionFields;
  /** The error message path came from no schema (the caller says so once). */
  messagePathGuessed: boolean;
}

/**
 * One operation as one action, or the reason it cannot be one. Nothing is half-imported: a required part the spec
 * cannot express skips the whole operation; an optional part is left out and noted.
 */
export function importAction(
  ctx: ParameterContext,
  op: OpenApiOperation,
  name: string,
): ImportedAction | { problem: string } {
  if (!METHODS.has(op.method))
    return {
      problem: `${op.method.toUpperCase()} is not a method a spec can send (GET, POST, PUT, PATCH, DELETE)`,
    };
  const early = securityProblem(ctx.auth, op) ?? serverProblem(ctx.base, op);
  if (early) return { problem: early };
  if (op.method === 'get' && op.requestBody) return { problem: 'it is a GET with a request body' };
  const fields = new ActionFields();
  const params = requestParameters(ctx, op, fields);
  if ('problem' in params) return params;
  const body = requestBody(ctx, op, fields);
  if ('problem' in body) return body;
  const outputs = actionOutputs(ctx.shapes, op, fields.comments);
  if ('problem' in outputs) return outputs;
  if (op.raw.callbacks && Object.keys(op.raw.callbacks).length > 0)
    fields.notes.push(
      `its callbacks (${Object.keys(op.raw.callbacks).join(', ')}) are not imported: a card cannot receive them`,
    );
  const request: RequestTemplate = {
    method: op.method.toUpperCase() as HttpMethod,
    path: params.path,
    ...(Object.keys(params.query).length > 0 && { query: params.query }),
    ...(Object.keys(params.headers).length > 0 && { headers: params.headers }),
    ...(body.body && { body: body.body }),
  };
  const message = guessMessagePath(ctx.shapes, op);
  const action: Action = {
    name,
    description: describeAction(op),
    ...(fields.options.length > 0 && { options: fields.options }),
    ...(fields.inputs.length > 0 && { inputs: fields.inputs }),
    outputs: outputs.outputs,
    request,
    errors: { messagePath: message.path },
  };
  if (op.deprecated)
    fields.comments.review(['name'], `${operationLabel(op)} is deprecated in the description`);
  return { action, fields, messagePathGuessed: message.from === 'default' };
}

/** The help text: the operation's description (or summary), in plain text, long enough for a help topic. */
function describeAction(op: OpenApiOperation): string {
  const text = plainText(op.description, 400) ?? plainText(op.summary, 400);
  const where = `${op.method.toUpperCase()} ${op.path}`;
  if (!text) return `Calls ${where}.`;
  return text.length >= 10 ? text : `${text} (${where})`;
}
