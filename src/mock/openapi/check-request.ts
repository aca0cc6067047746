import type { MockModel, MockOperation } from './model.js';
import type { MediaFamily } from './media-type.js';
import {
  PARAMETER_LOCATIONS,
  readParameters,
  type ParameterLocation,
  type RequestParts,
} from './parameters.js';
import { MockProblem, type Violation } from './problem.js';
import { readRequestBody, type ReadBody } from './request-body.js';
import { schemaViolations, type Validator } from './validators.js';
import { append } from '../../util/append.js';

/**
 * Checks a routed, authenticated request against its operation: every parameter (read by style, then validated
 * by schema with text coerced to the schema's types), then the Content-Type (a 415 is thrown at once) and the
 * body. All other violations are gathered and returned with the body as read, so a client sees everything wrong
 * in one 400, and the log can show the body that was refused.
 */
export async function checkRequest(
  model: MockModel,
  operation: MockOperation,
  parts: RequestParts,
  contentType: string | undefined,
  raw: Buffer,
): Promise<{ body: ReadBody; violations: Violation[] }> {
  const { values, violations } = readParameters(operation.params, parts);
  const validators = parameterValidators(model, operation);
  for (const location of PARAMETER_LOCATIONS) {
    const validate = validators[location];
    if (!validate || validate(values[location])) continue;
    for (const v of schemaViolations(validate.errors)) {
      const [name = '', ...rest] = v.pointer.split('/').slice(1);
      violations.push({
        in: location,
        name: unescapePointer(name),
        pointer: rest.length ? `/${rest.join('/')}` : '',
        rule: v.rule,
        message: v.message,
        ...(v.allowed ? { allowed: v.allowed } : {}),
      });
    }
  }
  let body: ReadBody = { kind: 'absent' };
  try {
    body = await readRequestBody(operation.op.requestBody, contentType, raw, model.resolve);
  } catch (error) {
    if (!(error instanceof MockProblem) || error.kind !== 'invalid-request') throw error;
    append(violations, error.violations);
  }
  if (body.kind === 'read' && body.family !== 'other') {
    const validate = bodyValidator(model, operation, body.mediaType, body.family);
    if (validate && !validate(body.value)) {
      append(
        violations,
        schemaViolations(validate.errors).map((v): Violation => ({
          in: 'body',
          pointer: v.pointer,
          rule: v.rule,
          message: v.message,
          ...(v.allowed ? { allowed: v.allowed } : {}),
        })),
      );
    }
  }
  return { body, violations };
}

/** One validator per parameter location: an object whose properties are that location's parameters. */
function parameterValidators(
  model: MockModel,
  operation: MockOperation,
): Partial<Record<ParameterLocation, Validator>> {
  if (operation.compiled.params) return operation.compiled.params;
  const out: Partial<Record<ParameterLocation, Validator>> = {};
  for (const location of PARAMETER_LOCATIONS) {
    const specs = operation.params.filter((p) => p.in === location);
    if (!specs.length) continue;
    const schema = { type: 'object', properties: Object.fromEntries(specs.map((p) => [p.name, p.schema])) };
    out[location] = model.validators.compile(model.converter.convert(schema, 'request'), 'coerce');
  }
  operation.compiled.params = out;
  return out;
}

/** Form and multipart fields are text, coerced by type; JSON and text are validated as sent. */
function bodyValidator(
  model: MockModel,
  operation: MockOperation,
  mediaType: string,
  family: MediaFamily,
): Validator | null {
  const key = `${family} ${mediaType}`;
  const cached = operation.compiled.bodies.get(key);
  if (cached !== undefined) return cached;
  const schema = operation.op.requestBody?.content?.[mediaType]?.schema;
  const validate =
    schema === undefined
      ? null
      : model.validators.compile(
          model.converter.convert(schema, 'request'),
          family === 'form' || family === 'multipart' ? 'coerce' : 'strict',
        );
  operation.compiled.bodies.set(key, validate);
  return validate;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
