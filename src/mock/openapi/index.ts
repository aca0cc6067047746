import { loadOpenApiDescription, type OpenApiDescription } from '../../openapi/load.js';
import { listenLocal } from '../http/listen.js';
import { RequestLog } from '../http/record.js';
import type { OpenApiMockContext } from './context.js';
import { buildMockModel } from './model.js';
import {
  bundledOverridesFor,
  loadOverrides,
  type AppliedOverride,
  type LoadedOverrides,
} from './overrides.js';
import type { OpenApiRecordedRequest } from './request-log.js';
import { createOpenApiHandler } from './server.js';

export type { OpenApiRecordedRequest, AppliedOverride };
export type { Violation, ProblemBody } from './problem.js';
export { CONTROL_HEADER } from './control.js';
export { OVERRIDE_CODES, type OverrideFile } from './overrides.js';

export interface StartOpenApiMockOptions {
  /** The description file (OpenAPI 2.0 or 3.x, JSON or YAML, local `$ref`s across files). */
  file?: string;
  /** An already loaded description (takes the place of `file`). */
  description?: OpenApiDescription;
  /** Decides generated values; the same seed and request always give the same response bytes. Default `0`. */
  seed?: string | number;
  /** Override files of the user's (paths), applied after the project's own. */
  overrides?: readonly string[];
  /** Apply the project's override files for known vendor descriptions (Twilio, Slack). Default true. */
  bundledOverrides?: boolean;
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1; the mock is for this machine. */
  host?: string;
  /** One line per request (`POST /path 201 CreateMessage 2ms`); not called when absent. */
  log?: (line: string) => void;
  /** Largest request body accepted (413 beyond). Default 1 MiB. */
  bodyLimitBytes?: number;
  /** How long a client may take to send its body (408 beyond). Default 10 s. */
  bodyTimeoutMs?: number;
  /** Most requests kept in the log (oldest dropped first, counted in `/__mock/requests`' `dropped`). Default 10,000. */
  requestLogCap?: number;
}

export interface OpenApiMock {
  /** e.g. `http://127.0.0.1:4012`, no trailing slash. */
  url: string;
  port: number;
  /** What is served: the description's title and version, the OpenAPI version it was written in, its operations. */
  info: { title: string; version: string; sourceVersion: string; operations: number };
  /**
   * The origins the description's servers name (`https://api.twilio.com`, `https://slack.com`), variables set to
   * their defaults and enum values: rewrite these to `url` and the path (with the server's base path, Slack's
   * `/api`) reaches the mock unchanged.
   */
  origins: string[];
  /** Each server URL of the description and the path the mock serves it under (`''` or `/api`). */
  servers: Array<{ url: string; basePath: string }>;
  /** Override entries applied at load, with their reasons. */
  overrides: AppliedOverride[];
  /** Every API request in order (not /__mock/*), credentials redacted. */
  requests(): OpenApiRecordedRequest[];
  /** Clears the request log. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Serves an OpenAPI description as a validating mock on a loopback port (in-process; `mock openapi` wraps it).
 * Each request is routed by the description's servers and paths, checked as the real service's front door would
 * (credentials, parameters, Content-Type, body) and answered with the operation's example or a response
 * generated from its schema, deterministic for the seed.
 */
export async function startOpenApiMock(options: StartOpenApiMockOptions): Promise<OpenApiMock> {
  const description =
    options.description ??
    (options.file !== undefined ? await loadOpenApiDescription(options.file) : undefined);
  if (!description) throw new TypeError('startOpenApiMock needs a description or a file');
  const overrides: LoadedOverrides[] = [
    ...(options.bundledOverrides === false
      ? []
      : await bundledOverridesFor(description.document.info?.title)),
    ...(await Promise.all((options.overrides ?? []).map((f) => loadOverrides(f)))),
  ];
  const model = buildMockModel(description, overrides);
  const host = options.host ?? '127.0.0.1';
  const ctx: OpenApiMockContext = {
    model,
    seed: String(options.seed ?? 0),
    requests: new RequestLog(options.requestLogCap ?? 10_000),
    log: options.log,
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000,
    address: { host, port: 0 },
  };
  const server = await listenLocal(createOpenApiHandler(ctx), { host, port: options.port });
  ctx.address.port = server.port;
  return {
    url: server.url,
    port: server.port,
    info: {
      title: model.title,
      version: model.version,
      sourceVersion: description.sourceVersion,
      operations: model.operations.length,
    },
    origins: model.origins,
    servers: model.servers.map((s) => ({ url: s.url, basePath: s.pathTemplate })),
    overrides: model.applied,
    requests: () => ctx.requests.list() as OpenApiRecordedRequest[],
    reset: () => ctx.requests.clear(),
    close: () => server.close(),
  };
}
