import type { OpenAPIV3 } from 'openapi-types';
import { DiagnosticsError } from '../errors.js';
import { pointerSegments, toPointer } from '../source/document.js';
import { OPENAPI_CODES, type OpenApiDocument } from './load.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Parameter = OpenAPIV3.ParameterObject;
type RequestBody = OpenAPIV3.RequestBodyObject;
type Response = OpenAPIV3.ResponseObject;

/** One operation of a description with everything a reader needs in one place, local `$ref`s followed. */
export interface OpenApiOperation {
  method: HttpMethod;
  /** The path template as the description writes it, e.g. `/2010-04-01/Accounts/{AccountSid}/Messages.json`. */
  path: string;
  operationId?: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  /** JSON pointer of the operation in the (bundled) document, e.g. `/paths/~1chat.postMessage/post`. */
  pointer: string;
  /** Path-item parameters merged with the operation's (the operation's win, by `in` and `name`). */
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: Record<string, Response>;
  /** The operation's security requirements, or the document's when the operation names none. */
  security: OpenAPIV3.SecurityRequirementObject[];
  /** The operation's servers, else the path item's, else the document's (`[{url: '/'}]` when none). */
  servers: OpenAPIV3.ServerObject[];
  /** The raw operation object, for extensions (`x-…`) a reader may want. */
  raw: OpenAPIV3.OperationObject;
}

/** Every operation of the document, in the order the description lists paths and Okta-irrelevant methods last. */
export function listOperations(doc: OpenApiDocument): OpenApiOperation[] {
  const operations: OpenApiOperation[] = [];
  const rootServers = doc.servers?.length ? doc.servers : [{ url: '/' }];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    if (!rawItem) continue;
    const item = resolveRef<OpenAPIV3.PathItemObject>(doc, rawItem);
    const shared = (item.parameters ?? []).map((p) => resolveRef<Parameter>(doc, p));
    for (const method of HTTP_METHODS) {
      const op = item[method] as OpenAPIV3.OperationObject | undefined;
      if (!op) continue;
      const own = (op.parameters ?? []).map((p) => resolveRef<Parameter>(doc, p));
      const key = (p: Parameter) => `${p.in}:${p.name}`;
      const ownKeys = new Set(own.map(key));
      operations.push({
        method,
        path,
        operationId: op.operationId,
        summary: op.summary,
        description: op.description,
        tags: op.tags ?? [],
        deprecated: op.deprecated === true,
        pointer: toPointer(['paths', path, method]),
        parameters: [...shared.filter((p) => !ownKeys.has(key(p))), ...own],
        requestBody: op.requestBody ? resolveRef<RequestBody>(doc, op.requestBody) : undefined,
        responses: Object.fromEntries(
          Object.entries(op.responses ?? {}).map(([status, r]) => [status, resolveRef<Response>(doc, r)]),
        ),
        security: op.security ?? doc.security ?? [],
        servers: op.servers?.length ? op.servers : item.servers?.length ? item.servers : rootServers,
        raw: op,
      });
    }
  }
  return operations;
}

/**
 * Follows a local `$ref` (`#/components/...`) until it reaches a value, refusing loops. Values without `$ref` are
 * returned as they are. External refs cannot remain: the loader bundles them.
 */
export function resolveRef<T>(doc: OpenApiDocument, value: unknown): T {
  let current = value;
  const seen = new Set<string>();
  while (current && typeof current === 'object' && typeof (current as { $ref?: unknown }).$ref === 'string') {
    const ref = (current as { $ref: string }).$ref;
    if (seen.has(ref)) throw refError(`the $ref "${ref}" refers to itself in a loop`);
    seen.add(ref);
    current = lookupPointer(doc, ref);
  }
  return current as T;
}

/** The value at a local reference such as `#/components/schemas/Message`. */
export function lookupPointer(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#')) throw refError(`the $ref "${ref}" is not local after bundling`);
  let node: unknown = doc;
  for (const segment of pointerSegments(decodeURIComponent(ref.slice(1)))) {
    if (!node || typeof node !== 'object' || !(segment in node)) {
      throw refError(`the $ref "${ref}" points to nothing`);
    }
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function refError(message: string): DiagnosticsError {
  return new DiagnosticsError([{ severity: 'error', code: OPENAPI_CODES.ref, message }]);
}
