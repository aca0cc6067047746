import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyError, readBody } from '../http/body.js';
import { refuseControlRequest } from '../http/control.js';
import { first, parseQuery } from '../http/form.js';
import { sendEmpty, sendJson } from '../http/respond.js';
import type { MockContext } from './context.js';
import { checkFault } from './faults.js';
import { copyMessage, type MessageResource } from './message.js';

/** Every stored message in creation order, optionally for one account. */
export function allMessages(ctx: MockContext, accountSid?: string): MessageResource[] {
  const out: MessageResource[] = [];
  const list = [...ctx.state.accounts.values()].filter((a) => !accountSid || a.sid === accountSid);
  const withSeq = list.flatMap((a) => [...a.messages.values()]);
  if (list.length > 1) withSeq.sort((x, y) => x.seq - y.seq);
  for (const m of withSeq) out.push(copyMessage(m.resource));
  return out;
}

/** Counts that show the mock's memory is bounded (GET /__mock/health, MockTwilio.stats()). */
export interface MockTwilioStats {
  messages: number;
  maxMessages: number;
  evictedMessages: number;
  loggedRequests: number;
  maxLoggedRequests: number;
  droppedRequests: number;
}

export function statsOf(ctx: MockContext): MockTwilioStats {
  return {
    messages: ctx.state.store.size,
    maxMessages: ctx.state.store.max,
    evictedMessages: ctx.state.store.evicted,
    loggedRequests: ctx.requests.length,
    maxLoggedRequests: ctx.requests.cap,
    droppedRequests: ctx.requests.droppedCount,
  };
}

/**
 * `/__mock/*`: inspection and control for tests and people (no auth, not recorded in requests()).
 * GET messages[?accountSid=], GET requests, GET callbacks, POST reset, GET|POST|DELETE faults, GET health.
 * Only requests addressed to the mock itself (Host) are answered, and those that change it (POST, DELETE)
 * need `Content-Type: application/json`, so a web page cannot reach them (see refuseControlRequest).
 */
export async function handleInspect(
  ctx: MockContext,
  name: string,
  search: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const key = `${method} ${name}`;
  const refusal = refuseControlRequest(req, ctx.bound);
  if (refusal) {
    req.resume();
    return sendJson(res, refusal.status, { error: refusal.error }, { Connection: 'close' });
  }
  let body: Buffer;
  try {
    body = await readBody(req, { limit: 64 * 1024, timeoutMs: ctx.bodyTimeoutMs });
  } catch (error) {
    if (error instanceof BodyError && error.kind !== 'aborted')
      sendJson(res, error.kind === 'too-large' ? 413 : 408, { error: `request body ${error.kind}` });
    return;
  }
  switch (key) {
    case 'GET messages': {
      const accountSid = first(parseQuery(search), 'accountSid');
      return sendJson(res, 200, { messages: allMessages(ctx, accountSid) });
    }
    case 'GET requests':
      return sendJson(res, 200, { requests: ctx.redactor.records(ctx.requests.list()) });
    case 'GET callbacks':
      return sendJson(res, 200, { callbacks: ctx.callbacks.list() });
    case 'GET health':
      return sendJson(res, 200, { ok: true, accounts: [...ctx.state.accounts.keys()], ...statsOf(ctx) });
    case 'POST reset':
      ctx.reset();
      return sendEmpty(res, 204);
    case 'GET faults':
      return sendJson(res, 200, { faults: ctx.faults.list() });
    case 'DELETE faults':
      ctx.faults.clear();
      return sendEmpty(res, 204);
    case 'POST faults':
      try {
        ctx.faults.add(checkFault(JSON.parse(body.toString('utf8')) as unknown));
        return sendJson(res, 201, { faults: ctx.faults.list() });
      } catch (error) {
        return sendJson(res, 400, { error: `invalid fault: ${(error as Error).message}` });
      }
    default:
      return sendJson(res, 404, {
        error: `unknown mock endpoint ${method} /__mock/${name}`,
        endpoints: [
          'GET /__mock/messages[?accountSid=AC...]',
          'GET /__mock/requests',
          'GET /__mock/callbacks',
          'GET /__mock/health',
          'POST /__mock/reset',
          'GET|POST|DELETE /__mock/faults',
        ],
        note: 'POST and DELETE need Content-Type: application/json',
      });
  }
}
