import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyError, readBody } from '../http/body.js';
import { parseQuery } from '../http/form.js';
import { checkRequest } from './check-request.js';
import type { OpenApiMockContext } from './context.js';
import { handleControl } from './control.js';
import type { MockOperation } from './model.js';
import { parseCookies } from './parameters.js';
import { describeLocation, MockProblem, PROBLEM_CONTENT_TYPE, problemBody } from './problem.js';
import { seededRandom, type Random } from './random.js';
import type { ReadBody } from './request-body.js';
import { recordRequest, redactFields, redactJson, type OpenApiRecordedRequest } from './request-log.js';
import { encodeBody, parsePrefer, planResponse, responseHeaders, responseValue } from './response.js';
import { checkSecurity } from './security.js';

/**
 * The mock's request handler, in the order a real front door works: read the body (413/408), route (404, 405),
 * credentials (401), Content-Type (415), parameters and body (400), then answer with the operation's example
 * or a generated response.
 */
export function createOpenApiHandler(
  ctx: OpenApiMockContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(ctx, req, res).catch((error: unknown) => {
      // One broken request must never take the server down.
      const problem = new MockProblem('internal-error', [
        { in: 'request', rule: 'internal', message: error instanceof Error ? error.message : String(error) },
      ]);
      sendProblem(res, problem);
    });
  };
}

async function handle(ctx: OpenApiMockContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const method = req.method ?? 'GET';
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  if (path.startsWith('/__mock/')) return handleControl(ctx, path.slice('/__mock/'.length), req, res);

  const query = parseQuery(q < 0 ? '' : rawUrl.slice(q + 1));
  const entry = recordRequest(method, path, query, req.headers, ctx.model.secretNames);
  ctx.requests.add(entry);
  res.once('close', () => {
    entry.status = res.headersSent ? res.statusCode : 0;
    const why = entry.errors?.[0];
    ctx.log?.(
      `${method} ${path} ${entry.status || '-'}${entry.operation ? ` ${entry.operation}` : ''} ` +
        `${Math.round(performance.now() - started)}ms${why ? `  ${describeLocation(why)}${why.message}` : ''}`,
    );
  });

  let operation: MockOperation | undefined;
  try {
    const raw = await readWholeBody(ctx, req);
    if (raw === undefined) return;
    const routed = ctx.model.router.route(method, path);
    if (routed.kind === 'not-found') {
      throw new MockProblem('not-found', [
        { in: 'request', rule: 'route', message: `no path of "${ctx.model.title}" matches ${path}` },
      ]);
    }
    if (routed.kind === 'method-not-allowed') {
      throw new MockProblem(
        'method-not-allowed',
        [
          {
            in: 'request',
            rule: 'method',
            message: `${method} is not an operation of ${path}; it has ${routed.allowed.join(', ')}`,
            allowed: routed.allowed,
          },
        ],
        { Allow: routed.allowed.join(', ') },
      );
    }
    operation = routed.operation;
    entry.operation = operation.name;
    const cookies = parseCookies(req.headers.cookie);
    checkSecurity(operation.op.security, ctx.model.schemes, { headers: req.headers, query, cookies });
    const { body, violations } = await checkRequest(
      ctx.model,
      operation,
      { pathParams: routed.pathParams, query, headers: req.headers, cookies },
      req.headers['content-type'],
      raw,
    );
    recordBody(ctx, entry, body);
    if (violations.length) throw new MockProblem('invalid-request', violations);
    respond(ctx, operation, req, res, () =>
      seededRandom(ctx.seed, operation!.name, method, rawUrl, raw.toString('latin1')),
    );
  } catch (error) {
    if (!(error instanceof MockProblem)) throw error;
    entry.errors = error.violations;
    sendProblem(res, error, operation?.name);
  }
}

/** The whole body, or undefined when the client went away; too large or too slow is a problem answer. */
async function readWholeBody(ctx: OpenApiMockContext, req: IncomingMessage): Promise<Buffer | undefined> {
  try {
    return await readBody(req, { limit: ctx.bodyLimit, timeoutMs: ctx.bodyTimeoutMs });
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    if (error.kind === 'aborted') return undefined;
    const tooLarge = error.kind === 'too-large';
    throw new MockProblem(
      tooLarge ? 'payload-too-large' : 'request-timeout',
      [
        {
          in: 'body',
          pointer: '',
          rule: tooLarge ? 'bodyTooLarge' : 'bodyTimeout',
          message: tooLarge
            ? `is larger than ${error.limit} bytes`
            : `did not arrive within ${ctx.bodyTimeoutMs} ms`,
        },
      ],
      { Connection: 'close' },
    );
  }
}

function recordBody(ctx: OpenApiMockContext, entry: OpenApiRecordedRequest, body: ReadBody): void {
  if (body.kind !== 'read') return;
  if (body.fields) entry.form = redactFields(body.fields, ctx.model.secretNames.query);
  else if (body.family === 'json') entry.json = redactJson(body.value);
}

function respond(
  ctx: OpenApiMockContext,
  operation: MockOperation,
  req: IncomingMessage,
  res: ServerResponse,
  requestRandom: () => Random,
): void {
  const { model } = ctx;
  const plan = planResponse(
    operation.op.responses,
    req.headers.accept,
    parsePrefer([req.headers.prefer ?? []].flat().join(',')),
    model.resolve,
  );
  const noBody = plan.status === 204 || plan.status === 304;
  let answer: { headers: Record<string, string>; body: Buffer } | undefined;
  const cacheKey = `${plan.status} ${plan.mediaType ?? ''} ${plan.exampleName ?? ''}`;
  if (plan.fromExample) answer = operation.cachedResponses.get(cacheKey);
  if (!answer) {
    // Examples do not depend on the request, so neither may their headers: cache both.
    const random = plan.fromExample ? () => seededRandom(ctx.seed, operation.name, cacheKey) : requestRandom;
    const body = noBody
      ? Buffer.alloc(0)
      : encodeBody(responseValue(plan, model.generator, random, model.resolve), plan.mediaType);
    const headers = safeHeaders(responseHeaders(plan, model.generator, random, model.resolve));
    if (body.length && plan.mediaType) headers['Content-Type'] = contentTypeOf(plan.mediaType);
    answer = { headers, body };
    if (plan.fromExample) operation.cachedResponses.set(cacheKey, answer);
  }
  if (res.headersSent || res.destroyed) return;
  res.writeHead(plan.status, { ...answer.headers, 'Content-Length': answer.body.length });
  res.end(req.method === 'HEAD' ? undefined : answer.body);
}

/** A concrete Content-Type for a description key such as `application/*` or `text/plain; charset=utf-8`. */
function contentTypeOf(mediaType: string): string {
  if (mediaType === '*/*') return 'application/octet-stream';
  return mediaType.replace(/\/\*$/, '/octet-stream');
}

/** Header values that HTTP can carry (an example with a newline or non-Latin-1 text is left out). */
function safeHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (/^[\t\x20-\x7e\x80-\xff]*$/.test(v) && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(k)) out[k] = v;
  return out;
}

function sendProblem(res: ServerResponse, problem: MockProblem, operation?: string): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(problemBody(problem, operation));
  res.writeHead(problem.status, {
    ...problem.headers,
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
