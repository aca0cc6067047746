import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { BodyError, readBody } from '../http/body.js';
import { parseForm, parseQuery, type FormFields } from '../http/form.js';
import { basicUser, redactHeaders } from '../http/redact.js';
import type { RecordedRequest } from '../http/record.js';
import { sendEmpty, sendJson } from '../http/respond.js';
import { authenticate } from './auth.js';
import type { MockContext } from './context.js';
import { TWILIO_ERRORS, TwilioApiError, twilioError } from './errors.js';
import type { FaultSpec } from './faults.js';
import { handleInspect } from './inspect.js';
import { createMessage, deleteMessage, fetchMessage, updateMessage } from './operations.js';
import { listMessages } from './paging.js';
import { route, type ApiOperation } from './router.js';

/** The request handler of the mock: route, read, inject faults, authenticate, operate, answer. */
export function createHandler(ctx: MockContext): (req: IncomingMessage, res: ServerResponse) => void {
  let inFlight = 0;
  return (req, res) => {
    inFlight += 1;
    handle(ctx, req, res, inFlight, () => (inFlight -= 1)).catch((error: unknown) => {
      // Never let one request take the server down; answer as Twilio does when it breaks.
      sendError(res, new TwilioApiError(TWILIO_ERRORS.internal, {}, {}, String(error)));
    });
  };
}

async function handle(
  ctx: MockContext,
  req: IncomingMessage,
  res: ServerResponse,
  concurrent: number,
  finished: () => void,
) {
  const started = performance.now();
  const method = req.method ?? 'GET';
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const search = q < 0 ? '' : rawUrl.slice(q + 1);
  const r = route(method, path);
  if (r.kind === 'inspect') {
    res.once('close', finished);
    return handleInspect(ctx, r.name, search, req, res);
  }

  const entry: RecordedRequest = {
    method,
    path,
    query: parseQuery(search),
    headers: redactHeaders(req.headers),
    status: 0,
  };
  const auth = req.headers.authorization;
  const user = auth && /^basic /i.test(auth) ? basicUser(auth.slice(6)) : undefined;
  if (user !== undefined) entry.authUser = user;
  ctx.requests.add(entry);
  res.once('close', () => {
    finished();
    entry.status = res.headersSent ? res.statusCode : 0;
    ctx.log?.(`${method} ${path} ${entry.status || '-'} ${Math.round(performance.now() - started)}ms`);
  });
  res.setHeader('Twilio-Request-Id', 'RQ' + randomUUID().replace(/-/g, ''));
  res.setHeader('Twilio-Concurrent-Requests', String(concurrent));
  res.setHeader('X-Home-Region', 'us1');
  res.setHeader('X-Powered-By', 'AT-5000');
  res.setHeader('X-Shenanigans', 'none');

  let body: Buffer;
  try {
    body = await readBody(req, { limit: ctx.bodyLimit, timeoutMs: ctx.bodyTimeoutMs });
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    if (error.kind === 'aborted') return;
    res.setHeader('Connection', 'close');
    sendError(
      res,
      error.kind === 'too-large'
        ? twilioError('bodyTooLarge', { limit: error.limit })
        : twilioError('bodyTimeout'),
    );
    return;
  }
  if (r.kind === 'not-found') return sendError(res, twilioError('notFound', { path }));
  if (r.kind === 'method-not-allowed') return sendError(res, twilioError('methodNotAllowed'));

  const fault = ctx.faults.take(r.op);
  if (fault && (await applyFault(ctx, fault, req, res))) return;
  try {
    const fields = method === 'POST' ? formOf(req, body) : {};
    if (method === 'POST') entry.form = fields;
    const account = authenticate(auth, r.accountSid, ctx.state);
    if (account.test && r.op !== 'messages.create') throw twilioError('testCredentials');
    operate(ctx, r.op, account, r.sid ?? '', fields, search, res);
  } catch (error) {
    if (error instanceof TwilioApiError) return sendError(res, error);
    throw error;
  }
}

function operate(
  ctx: MockContext,
  op: ApiOperation,
  account: Parameters<typeof fetchMessage>[0],
  sid: string,
  fields: FormFields,
  search: string,
  res: ServerResponse,
): void {
  switch (op) {
    case 'messages.create':
      return sendJson(res, 201, createMessage(ctx.state, account, fields, ctx.lifecycle));
    case 'messages.list':
      return sendJson(res, 200, listMessages(account, parseQuery(search)));
    case 'messages.fetch':
      return sendJson(res, 200, fetchMessage(account, sid));
    case 'messages.update':
      return sendJson(res, 200, updateMessage(account, sid, fields, ctx.now()));
    case 'messages.delete':
      deleteMessage(account, sid);
      return sendEmpty(res, 204);
  }
}

/** Only form bodies carry parameters (the SDK always sends them, §2.1); other content types are ignored,
 * as Twilio does, so they fail validation with Twilio's own codes. Broken encodings are a 400. */
function formOf(req: IncomingMessage, body: Buffer): FormFields {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (body.length === 0 || !type.startsWith('application/x-www-form-urlencoded')) return {};
  try {
    return parseForm(body);
  } catch {
    throw twilioError('malformedBody');
  }
}

/** Returns true when the fault answered (or swallowed) the request; `slow` only delays it. */
async function applyFault(ctx: MockContext, f: FaultSpec, req: IncomingMessage, res: ServerResponse) {
  switch (f.kind) {
    case 'rate-limit':
      sendError(res, twilioError('tooManyRequests', {}, { 'Retry-After': String(f.retryAfterSeconds ?? 1) }));
      return true;
    case 'server-error': {
      const status = f.status ?? 500;
      const def = status === 503 ? TWILIO_ERRORS.unavailable : TWILIO_ERRORS.internal;
      sendError(res, new TwilioApiError({ ...def, status }));
      return true;
    }
    case 'slow':
      await ctx.sleep(f.delayMs ?? 1000);
      return false;
    case 'timeout':
      if (f.delayMs !== undefined) void ctx.sleep(f.delayMs).then(() => req.socket.destroy());
      return true;
  }
}

function sendError(res: ServerResponse, error: TwilioApiError): void {
  sendJson(res, error.status, error.body, error.headers);
}
