import { dirname, resolve as resolvePath } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import type { OpenAPIV2, OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticsError } from '../errors.js';
import { loadSourceFile, parseSource, type SourceDocument } from '../source/document.js';

/** An OpenAPI 3.x document: what every reader of a description (the mock, the importer) works on. */
export type OpenApiDocument = OpenAPIV3.Document | OpenAPIV3_1.Document;

export const OPENAPI_CODES = {
  notOpenApi: 'OC-OPENAPI-VERSION',
  ref: 'OC-OPENAPI-REF',
  remoteRef: 'OC-OPENAPI-REMOTE-REF',
  convert: 'OC-OPENAPI-CONVERT',
  invalid: 'OC-OPENAPI-INVALID',
} as const;

export interface OpenApiDescription {
  /** The file as the user named it. */
  file: string;
  /** The version the file declares: `2.0`, `3.0.3`, `3.1.0`… */
  sourceVersion: string;
  /**
   * The description as OpenAPI 3.x, bundled into one document: every external `$ref` is inlined, local `$ref`s
   * (`#/components/...`) are kept, so shared and recursive schemas stay shared. A 2.0 description is converted.
   */
  document: OpenApiDocument;
  /** The root file parsed with positions, to point findings at a line and column of the original. */
  source: SourceDocument;
  /** Findings that do not stop the load (e.g. the description breaks the OpenAPI schema somewhere). */
  warnings: Diagnostic[];
}

export interface LoadOptions {
  /** Check the description against the OpenAPI schema and report what breaks it as warnings (slower). */
  validate?: boolean;
  /** How findings name the root file (default: `file` as given), e.g. relative to the user's folder. */
  displayName?: string;
}

/**
 * Reads an OpenAPI 2.0 or 3.x description (JSON or YAML, one file or several joined by relative `$ref`s) without
 * touching the network: a `$ref` to an http(s) URL is refused. Libraries do the parsing work that is easy to get
 * wrong: json-schema-ref-parser resolves and bundles `$ref`s, swagger2openapi converts 2.0 to 3.0, and
 * @readme/openapi-parser validates. Every failure is a DiagnosticsError naming the file (line and column where
 * the problem is a syntax error or a local pointer).
 */
export async function loadOpenApiDescription(
  file: string,
  options: LoadOptions = {},
): Promise<OpenApiDescription> {
  const shown = options.displayName ?? file;
  const source = await loadSourceFile(file, shown);
  const root = source.data;
  const declared = declaredVersion(root);
  if (!declared) {
    throw new DiagnosticsError([
      source.at('', {
        severity: 'error',
        code: OPENAPI_CODES.notOpenApi,
        message: 'not an OpenAPI description: expected a top-level "openapi: 3.x" or "swagger: \'2.0\'"',
      }),
    ]);
  }
  const bundled = await bundleRefs(file, root, source, shown);
  const document = declared.startsWith('2')
    ? await convertSwagger2(bundled as OpenAPIV2.Document, shown)
    : bundled;
  const warnings = options.validate ? await validateDescription(bundled, shown) : [];
  return { file: shown, sourceVersion: declared, document: document as OpenApiDocument, source, warnings };
}

function declaredVersion(root: unknown): string | undefined {
  if (!root || typeof root !== 'object') return undefined;
  const { openapi, swagger } = root as { openapi?: unknown; swagger?: unknown };
  if (typeof openapi === 'string' && /^3\.[01]\./.test(openapi)) return openapi;
  if (swagger === '2.0' || swagger === 2) return '2.0';
  return undefined;
}

/** Inlines external `$ref`s (files only, read through our own parser so a syntax error has its position). */
async function bundleRefs(
  file: string,
  root: unknown,
  source: SourceDocument,
  shown: string,
): Promise<object> {
  const rootUrl = pathToFileURL(resolvePath(file)).href;
  let failure: DiagnosticsError | undefined;
  const remember = (error: unknown): never => {
    if (error instanceof DiagnosticsError) failure ??= error;
    throw error;
  };
  try {
    const bundled = (await $RefParser.bundle(rootUrl, structuredClone(root) as object, {
      resolve: {
        http: false,
        file: {
          order: 1,
          canRead: (f: { url: string }) => f.url.startsWith('file:'),
          read: async (f: { url: string }) => {
            if (f.url.split('#')[0] === rootUrl) return source.text;
            const path = fileURLToPath(f.url.split('#')[0]!);
            return (await loadSourceFile(path, displayPath(f.url, file, shown)).catch(remember)).text;
          },
        },
      },
      parse: {
        json: false,
        text: false,
        binary: false,
        yaml: {
          order: 1,
          canParse: true,
          parse: (f: { url: string; data: string | Buffer }) => {
            if (f.url.split('#')[0] === rootUrl) return structuredClone(root);
            try {
              return pointRefsAtRoot(
                parseSource(f.data, displayPath(f.url, file, shown)).data,
                f.url,
                rootUrl,
              );
            } catch (error) {
              return remember(error);
            }
          },
        },
      },
    })) as object;
    return localiseRootRefs(bundled, rootUrl);
  } catch (error) {
    if (failure) throw failure;
    throw new DiagnosticsError([refFailure(error, shown, source)]);
  }
}

/**
 * json-schema-ref-parser's bundle leaves a `$ref` from another file back into a part of the root file that is
 * not itself a `$ref` (`../api.yaml#/components/schemas/Pet` in `paths/pets.yaml`) as it was: relative to a file
 * that no longer exists in the bundle. Such refs are made absolute while their file is parsed (its URL is known
 * then) and turned into local refs once bundled.
 */
function pointRefsAtRoot(data: unknown, fileUrl: string, rootUrl: string): unknown {
  walkRefs(data, (ref) => {
    if (ref.startsWith('#')) return ref;
    const absolute = new URL(ref, fileUrl);
    return absolute.href.split('#')[0] === rootUrl ? absolute.href : ref;
  });
  return data;
}

function localiseRootRefs<T>(bundled: T, rootUrl: string): T {
  walkRefs(bundled, (ref) => (ref.startsWith(`${rootUrl}#`) ? ref.slice(rootUrl.length) : ref));
  return bundled;
}

function walkRefs(node: unknown, rewrite: (ref: string) => string, seen = new Set<object>()): void {
  if (!node || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) walkRefs(item, rewrite, seen);
    return;
  }
  const record = node as Record<string, unknown>;
  if (typeof record.$ref === 'string') record.$ref = rewrite(record.$ref);
  for (const value of Object.values(record)) walkRefs(value, rewrite, seen);
}

function refFailure(error: unknown, file: string, source: SourceDocument): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const remote = /https?:\/\//.test(message) && /resolve|read|Unable|http/i.test(message);
  if (remote) {
    return {
      severity: 'error',
      code: OPENAPI_CODES.remoteRef,
      file,
      message: `a $ref points to a URL (${/https?:\/\/\S+/.exec(message)?.[0] ?? 'remote'}); references are resolved offline only`,
      hint: 'download the referenced file beside the description and point the $ref at it',
    };
  }
  const pointer = /#(\/[^\s"']*)/.exec(message)?.[1];
  const located = pointer ? source.locate(pointer) : undefined;
  return {
    severity: 'error',
    code: OPENAPI_CODES.ref,
    file,
    ...located,
    message: `cannot resolve a $ref: ${message.split('\n')[0]}`,
  };
}

async function convertSwagger2(doc: OpenAPIV2.Document, file: string): Promise<OpenAPIV3.Document> {
  // Loaded lazily: the converter and its dependencies are only needed for 2.0 descriptions.
  const { default: swagger2openapi } = await import('swagger2openapi');
  try {
    const { openapi } = await swagger2openapi.convertObj(doc, {
      patch: true,
      warnOnly: true,
      resolve: false,
      direct: false,
    } as Parameters<typeof swagger2openapi.convertObj>[1]);
    addJsonFormBodies(doc, openapi);
    return openapi;
  } catch (error) {
    throw new DiagnosticsError([
      {
        severity: 'error',
        code: OPENAPI_CODES.convert,
        file,
        message: `cannot convert the OpenAPI 2.0 description to 3.0: ${(error as Error).message.split('\n')[0]}`,
      },
    ]);
  }
}

/**
 * A 2.0 operation whose `formData` fields may also come as JSON (`consumes` lists a JSON type, as every Slack
 * method does) gets that JSON media type beside the form, with the same schema: swagger2openapi keeps only the
 * form types, since 2.0 itself cannot describe a JSON body made of `formData` parameters.
 */
function addJsonFormBodies(source: OpenAPIV2.Document, converted: OpenAPIV3.Document): void {
  for (const [path, item] of Object.entries(source.paths ?? {})) {
    for (const [method, op] of Object.entries(item ?? {})) {
      const params = (op as OpenAPIV2.OperationObject).parameters;
      if (!Array.isArray(params) || !params.some((p) => (p as OpenAPIV2.Parameter).in === 'formData'))
        continue;
      if (params.some((p) => (p as { type?: string }).type === 'file')) continue;
      const consumes = (op as OpenAPIV2.OperationObject).consumes ?? source.consumes ?? [];
      const body = (converted.paths[path] as Record<string, OpenAPIV3.OperationObject> | undefined)?.[method]
        ?.requestBody as OpenAPIV3.RequestBodyObject | undefined;
      const form = body?.content?.['application/x-www-form-urlencoded'];
      if (!body?.content || !form) continue;
      for (const type of consumes.filter((t) => /^application\/([\w.-]+\+)?json\b/i.test(t))) {
        body.content[type] ??= { schema: form.schema };
      }
    }
  }
}

async function validateDescription(doc: object, file: string): Promise<Diagnostic[]> {
  const { validate } = await import('@readme/openapi-parser');
  const result = await validate(structuredClone(doc) as never);
  if (result.valid) return [];
  return result.errors.map((e) => ({
    severity: 'warning' as const,
    code: OPENAPI_CODES.invalid,
    file,
    message: `the description does not follow the OpenAPI schema: ${e.message.split('\n')[0]}`,
  }));
}

function displayPath(url: string, rootFile: string, shownRoot = rootFile): string {
  const path = fileURLToPath(url.split('#')[0]!);
  const base = dirname(resolvePath(rootFile));
  return path.startsWith(base + '/') ? `${dirname(shownRoot)}/${path.slice(base.length + 1)}` : path;
}
