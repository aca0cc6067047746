import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { BodyError, readBody } from '../http/body.js';
import { parseForm, parseQuery, type FormFields } from '../http/form.js';
import type { RawRequest } from '../http/redactor.js';
import { authenticate } from './auth.js';
import type { MockContext } from './context.js';
import { TWILIO_ERRORS, TwilioApiError, twilioError } from './errors.js';
import type { FaultSpec } from './faults.js';
import { handleInspect } from './inspect.js';
import { newSid } from './message.js';
import { createMessage, deleteMessage, fetchMessage, updateMessage } from './operations.js';
import { listMessages } from './paging.js';
import {
  fetchIncomingPhoneNumber,
  listIncomingPhoneNumbers,
  updateIncomingPhoneNumber,
} from './phone-numbers.js';
import { route, type ApiOperation } from './router.js';

/** What every answer to one request carries. */
interface Exchange {
  res: ServerResponse;
  /** Requests being handled when this one arrived (Twilio's `Twilio-Concurrent-Requests`). */
  concurrent: number;
}

const NO_FIELDS: FormFields = Object.freeze({}) as FormFields;

/** The request handler of the mock: route, read, inject faults, authenticate, operate, answer. */
export function createHandler(ctx: MockContext): (req: IncomingMessage, res: ServerResponse) => void {
  let inFlight = 0;
  return (req, res) => {
    inFlight += 1;
    const ex: Exchange = { res, concurrent: inFlight };
    const started = ctx.log ? performance.now() : 0;
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const search = q < 0 ? '' : rawUrl.slice(q + 1);
    const r = route(req.method ?? 'GET', path);
    if (r.kind === 'inspect') {
      handleInspect(ctx, r.name, search, req, res).then(
        () => (inFlight -= 1),
        () => (inFlight -= 1),
      );
      return;
    }
    // Kept raw: redacted only when someone reads the log (most never do), see Redactor.
    const entry: RawRequest = { method: req.method ?? 'GET', path, search, headers: req.headers, status: 0 };
    ctx.requests.add(entry);
    const finish = () => {
      inFlight -= 1;
      entry.status = res.headersSent ? res.statusCode : 0;
      if (ctx.log) logLine(ctx, ctx.log, entry, started);
    };
    handle(ctx, req, ex, entry, r).then(finish, (error: unknown) => {
      // Never let one request take the server down; answer as Twilio does when it breaks.
      sendError(ex, new TwilioApiError(TWILIO_ERRORS.internal, {}, {}, String(error)));
      finish();
    });
  };
}

/** `METHOD /path STATUS 3ms`; a known secret in the path (say, a key sent in it and in a header) is hidden. */
function logLine(ctx: MockContext, log: (line: string) => void, entry: RawRequest, started: number): void {
  ctx.redactor.learn(entry);
  const ms = Math.round(performance.now() - started);
  log(`${entry.method} ${ctx.redactor.text(entry.path)} ${entry.status || '-'} ${ms}ms`);
}

async function handle(
  ctx: MockContext,
  req: IncomingMessage,
  ex: Exchange,
  entry: RawRequest,
  r: ReturnType<typeof route>,
): Promise<void> {
  const method = entry.method;
  let body: Buffer;
  try {
    body = await readBody(req, { limit: ctx.bodyLimit, timeoutMs: ctx.bodyTimeoutMs });
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    if (error.kind === 'aborted') return;
    const e =
      error.kind === 'too-large'
        ? twilioError('bodyTooLarge', { limit: error.limit })
        : twilioError('bodyTimeout');
    return sendError(ex, e, { Connection: 'close' });
  }
  if (r.kind === 'not-found') return sendError(ex, twilioError('notFound', { path: entry.path }));
  if (r.kind === 'method-not-allowed') return sendError(ex, twilioError('methodNotAllowed'));
  if (r.kind !== 'api') return;

  const fault = ctx.faults.take(r.op);
  if (fault && (await applyFault(ctx, fault, req, ex))) return;
  try {
    const fields = method === 'POST' ? formOf(req, body) : NO_FIELDS;
    if (method === 'POST') entry.form = fields;
    const account = authenticate(req.headers.authorization, r.accountSid, ctx.state);
    if (account.test && r.op !== 'messages.create') throw twilioError('testCredentials');
    operate(ctx, r.op, account, r.sid ?? '', fields, entry.search, ex);
  } catch (error) {
    if (error instanceof TwilioApiError) return sendError(ex, error);
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
  ex: Exchange,
): void {
  switch (op) {
    case 'messages.create':
      return send(ex, 201, createMessage(ctx.state, account, fields, ctx.lifecycle));
    case 'messages.list':
      return send(ex, 200, listMessages(ctx.state, account, parseQuery(search)));
    case 'messages.fetch':
      return send(ex, 200, fetchMessage(account, sid));
    case 'messages.update':
      return send(ex, 200, updateMessage(account, sid, fields, ctx.now()));
    case 'messages.delete':
      deleteMessage(ctx.state, account, sid);
      return send(ex, 204, undefined);
    case 'incomingPhoneNumbers.list':
      return send(ex, 200, listIncomingPhoneNumbers(account, parseQuery(search)));
    case 'incomingPhoneNumbers.fetch':
      return send(ex, 200, fetchIncomingPhoneNumber(account, sid));
    case 'incomingPhoneNumbers.update':
      return send(ex, 200, updateIncomingPhoneNumber(account, sid, fields, ctx.now()));
  }
}

/** Only form bodies carry parameters (the SDK always sends them, §2.1); other content types are ignored,
 * as Twilio does, so they fail validation with Twilio's own codes. Broken encodings are a 400. */
function formOf(req: IncomingMessage, body: Buffer): FormFields {
  const type = req.headers['content-type'];
  if (body.length === 0 || !type || !/^application\/x-www-form-urlencoded/i.test(type)) return {};
  try {
    return parseForm(body);
  } catch {
    throw twilioError('malformedBody');
  }
}

/** Returns true when the fault answered (or swallowed) the request; `slow` only delays it. */
async function applyFault(ctx: MockContext, f: FaultSpec, req: IncomingMessage, ex: Exchange) {
  switch (f.kind) {
    case 'rate-limit':
      sendError(ex, twilioError('tooManyRequests', {}, { 'Retry-After': String(f.retryAfterSeconds ?? 1) }));
      return true;
    case 'server-error': {
      const status = f.status ?? 500;
      const def = status === 503 ? TWILIO_ERRORS.unavailable : TWILIO_ERRORS.internal;
      sendError(ex, new TwilioApiError({ ...def, status }));
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

function sendError(ex: Exchange, error: TwilioApiError, extra?: Readonly<Record<string, string>>): void {
  send(ex, error.status, error.body, extra ? { ...error.headers, ...extra } : error.headers);
}

/**
 * Answers with Twilio's headers in one writeHead (no setHeader calls before it, which is Node's fast path)
 * and the body serialised once; an answer already sent or a closed socket is left alone.
 */
function send(ex: Exchange, status: number, body: unknown, extra?: Readonly<Record<string, string>>): void {
  const { res } = ex;
  if (res.headersSent || res.destroyed) return;
  const headers: OutgoingHttpHeaders = {
    'Twilio-Request-Id': newSid('RQ'),
    'Twilio-Concurrent-Requests': String(ex.concurrent),
    'X-Home-Region': 'us1',
    'X-Powered-By': 'AT-5000',
    'X-Shenanigans': 'none',
  };
  if (extra) for (const k of Object.keys(extra)) headers[k] = extra[k];
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  headers['Content-Type'] = 'application/json';
  headers['Content-Length'] = Buffer.byteLength(text);
  res.writeHead(status, headers);
  res.end(text);
}
