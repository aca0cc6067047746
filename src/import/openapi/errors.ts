import type { OpenApiOperation } from '../../openapi/operations.js';
import { DEFAULT_ERROR_MESSAGE_PATH } from '../../connector/contract.js';
import { readableResponse } from './expressible.js';
import { effectiveType, type Shape, type ShapeReader } from './schema.js';

/** Where APIs put the human message of an error, most specific first (tried against each error schema). */
const MESSAGE_PATHS = [
  'message',
  'error.message',
  'error_description',
  'detail',
  'errors.0.message',
  'errors.0.detail',
  'error.description',
  'title',
  'error',
  'msg',
  'description',
];

/** The error responses an operation describes: 4xx, 5xx and `default` (when a 2xx is described too). */
function errorSchemas(shapes: ShapeReader, op: OpenApiOperation): Shape[] {
  const hasSuccess = Object.keys(op.responses).some((s) => /^2/.test(s));
  return Object.entries(op.responses)
    .filter(([status]) => /^[45]/.test(status) || (status === 'default' && hasSuccess))
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([, r]) =>
      Object.entries(r.content ?? {})
        .filter(([t]) => readableResponse(t.toLowerCase()) === 'json')
        .map(([, m]) => shapes.read(m.schema)),
    );
}

/**
 * `errors.messagePath` from the error schemas: the first known message path that leads to a text value. Undefined
 * `path` when no schema tells (the caller comments the default as a guess).
 */
export function guessMessagePath(
  shapes: ShapeReader,
  op: OpenApiOperation,
): { path: string; from: 'schema' | 'default' } {
  for (const shape of errorSchemas(shapes, op)) {
    for (const path of MESSAGE_PATHS) {
      const leaf = follow(shape, path.split('.'));
      if (leaf && (effectiveType(leaf) === 'string' || (!leaf.type && !leaf.choices)))
        return { path, from: 'schema' };
    }
  }
  return { path: DEFAULT_ERROR_MESSAGE_PATH, from: 'default' };
}

function follow(shape: Shape, segments: string[]): Shape | undefined {
  let node: Shape | undefined = shape;
  for (const segment of segments) {
    if (!node) return undefined;
    node = /^\d+$/.test(segment)
      ? effectiveType(node) === 'array'
        ? node.items
        : undefined
      : node.properties[segment];
  }
  return node;
}

/** Slack-style APIs answer some failures with 200 and `"ok": false`: a boolean `ok` in the success schema says so. */
export function reportsErrorsInBody(shape: Shape): boolean {
  return (
    effectiveType(
      shape.properties['ok'] ?? { properties: {}, required: [], open: false, readOnly: false },
    ) === 'boolean'
  );
}
