import type { OpenApiOperation } from '../../openapi/operations.js';
import type { Output } from '../../spec/types.js';
import { Comments } from './comments.js';
import { readableResponse } from './expressible.js';
import { KeyAllocator, LabelAllocator, labelFor } from './names.js';
import { effectiveType, fieldType, isScalar, type Shape, type ShapeReader } from './schema.js';

/** A body path the spec can follow: dot-separated keys, none empty, no spaces (OC-SPEC-OUTPUT-PATH). */
const SIMPLE_KEY = /^[^.\s]+$/;

/** The success response an action maps outputs from: the lowest 2xx (or 2XX) status that is described. */
export function successResponse(
  op: OpenApiOperation,
): { status: string; response: OpenApiOperation['responses'][string] } | undefined {
  const statuses = Object.keys(op.responses)
    .filter((s) => /^2(\d\d|XX)$/i.test(s))
    .sort();
  const status = statuses[0];
  return status ? { status, response: op.responses[status]! } : undefined;
}

/** The success response's media type the flows read, `none` without content, or undefined when unreadable. */
export function successMedia(
  op: OpenApiOperation,
): { mediaType?: string; kind: 'json' | 'text' | 'none' } | { problem: string } {
  const success = successResponse(op);
  const types = Object.keys(success?.response.content ?? {});
  if (types.length === 0) return { kind: 'none' };
  for (const kind of ['json', 'text'] as const) {
    const mediaType = types.find((t) => readableResponse(t.toLowerCase().split(';')[0]!.trim()) === kind);
    if (mediaType) return { mediaType, kind };
  }
  return {
    problem: `its ${success!.status} response is binary (${types.join(', ')}), which a card output cannot hold`,
  };
}

/**
 * Outputs from the success response: each top-level field with its type, and the whole body; the status code when
 * the response has no body (and for DELETE, which services answer with 204). Comments are relative to the action.
 */
export function actionOutputs(
  shapes: ShapeReader,
  op: OpenApiOperation,
  comments: Comments,
): { outputs: Output[] } | { problem: string } {
  const media = successMedia(op);
  if ('problem' in media) return media;
  const statusOutput: Output = { key: 'statusCode', label: 'Status Code', type: 'number', from: 'status' };
  if (media.kind === 'none' || op.method === 'delete') return { outputs: [statusOutput] };
  if (media.kind === 'text') return { outputs: [{ key: 'body', label: 'Body', type: 'text', from: 'body' }] };
  const shape = shapes.read(successResponse(op)!.response.content![media.mediaType!]!.schema);
  const keys = new KeyAllocator();
  const labels = new LabelAllocator();
  const outputs: Output[] = [];
  const skippedNames: string[] = [];
  if (effectiveType(shape) === 'object') {
    for (const [name, prop] of Object.entries(shape.properties)) {
      if (!SIMPLE_KEY.test(name)) {
        skippedNames.push(name);
        continue;
      }
      outputs.push({
        key: keys.take(name),
        label: labels.take(labelFor(name)),
        ...typeOf(prop),
        from: 'body',
        path: name,
      });
    }
  }
  const list = effectiveType(shape) === 'array';
  outputs.push({
    key: keys.take('response'),
    label: labels.take(list ? 'Items' : 'Response'),
    type: list
      ? shape.items && isScalar(shape.items)
        ? fieldType(shape.items)
        : 'object'
      : effectiveType(shape) === 'object' || !shape.type
        ? 'object'
        : fieldType(shape),
    ...(list && { list: true }),
    from: 'body',
  });
  if (skippedNames.length > 0)
    comments.note(
      ['outputs'],
      `not mapped (a key with a dot or a space cannot be a path): ${skippedNames.join(', ')}; the Response output holds them`,
    );
  return { outputs };
}

function typeOf(shape: Shape): Pick<Output, 'type' | 'list'> {
  if (effectiveType(shape) === 'array')
    return { type: shape.items && isScalar(shape.items) ? fieldType(shape.items) : 'object', list: true };
  return { type: fieldType(shape) };
}
