import type { OpenAPIV3 } from 'openapi-types';
import type { OpenApiDescription, OpenApiDocument } from '../../openapi/load.js';
import { listOperations, resolveRef, type OpenApiOperation } from '../../openapi/operations.js';
import { SampleGenerator } from './generate.js';
import { applyOverrides } from './apply-overrides.js';
import type { AppliedOverride, LoadedOverrides } from './overrides.js';
import { parameterSpecs, type ParameterLocation, type ParameterSpec } from './parameters.js';
import { Router, type Routable } from './router.js';
import { credentialNames, type SecuritySchemes } from './security.js';
import { parseServer, type ServerBase } from './servers.js';
import { SchemaConverter } from './schema-dialect.js';
import { Validators, type Validator } from './validators.js';

/** One operation as the mock serves it; its validators are compiled on its first request, then kept. */
export interface MockOperation extends Routable {
  op: OpenApiOperation;
  /** operationId, or `METHOD /path` when the description gives none: how logs and errors name it. */
  name: string;
  params: ParameterSpec[];
  /** Filled lazily by the request checks. */
  compiled: {
    params?: Partial<Record<ParameterLocation, Validator>>;
    bodies: Map<string, Validator | null>;
  };
  /** Encoded example responses, by status, media type and example name: they never change. */
  cachedResponses: Map<string, { headers: Record<string, string>; body: Buffer }>;
}

/** Everything the mock derives from a description, once, at start. */
export interface MockModel {
  doc: OpenApiDocument;
  title: string;
  version: string;
  operations: MockOperation[];
  router: Router<MockOperation>;
  schemes: SecuritySchemes;
  /** Every server of the description (document, path and operation level), each once. */
  servers: ServerBase[];
  /** The origins callers use (`https://api.twilio.com`), to rewrite to the mock's URL. */
  origins: string[];
  applied: AppliedOverride[];
  converter: SchemaConverter;
  validators: Validators;
  generator: SampleGenerator;
  /** Names that carry credentials by the description's own apiKey schemes (for the request log's redaction). */
  secretNames: ReturnType<typeof credentialNames>;
  /** Follows a local `$ref` of the description. */
  resolve(value: unknown): unknown;
}

export function buildMockModel(
  description: OpenApiDescription,
  overrides: readonly LoadedOverrides[],
): MockModel {
  const doc = description.document;
  const resolve = (value: unknown): unknown => (value === undefined ? undefined : resolveRef(doc, value));
  const declared = Object.fromEntries(
    Object.entries(doc.components?.securitySchemes ?? {}).map(([name, s]) => [
      name,
      resolveRef<OpenAPIV3.SecuritySchemeObject>(doc, s),
    ]),
  );
  const title = doc.info?.title ?? '';
  const { operations, schemes, applied } = applyOverrides(
    title,
    listOperations(doc),
    declared,
    overrides,
    resolve,
  );
  const mockOperations = operations.map((op): MockOperation => ({
    op,
    method: op.method,
    path: op.path,
    servers: op.servers,
    name: op.operationId ?? `${op.method.toUpperCase()} ${op.path}`,
    params: parameterSpecs(op.parameters, resolve),
    compiled: { bodies: new Map() },
    cachedResponses: new Map(),
  }));
  const servers = uniqueServers(operations.flatMap((o) => o.servers));
  const converter = new SchemaConverter(doc);
  return {
    doc,
    title,
    version: doc.info?.version ?? '',
    operations: mockOperations,
    router: new Router(mockOperations),
    schemes,
    servers,
    origins: [...new Set(servers.flatMap((s) => s.origins))],
    applied,
    converter,
    validators: new Validators(converter.dialect),
    generator: new SampleGenerator(doc),
    secretNames: credentialNames(schemes),
    resolve,
  };
}

function uniqueServers(servers: OpenAPIV3.ServerObject[]): ServerBase[] {
  const seen = new Map<string, ServerBase>();
  for (const s of servers) if (!seen.has(s.url)) seen.set(s.url, parseServer(s));
  return [...seen.values()];
}
