import { ASYNC_ERROR_MESSAGES } from './errors.js';
import { API_VERSION, countSegments, rfc2822, type MessageStatus } from './message.js';
import type { Scheduler } from './scheduler.js';
import type { AccountState, StoredMessage } from './state.js';

export interface LifecycleDeps {
  scheduler: Scheduler;
  stepMs: number;
  now(): Date;
  /** Called after every transition except the initial status (Twilio sends no callback for it, §2.3). */
  notify(account: AccountState, msg: StoredMessage, params: Record<string, string>): void;
}

/** Largest delay setTimeout honours; a SendAt further away simply stays `scheduled`. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Drives a message through Twilio's statuses (reference §2.3, §8.6): [accepted →] queued → sending → sent →
 * delivered | undelivered, or queued → failed. Test-credential messages stay put (no callbacks, §4).
 */
export function startLifecycle(account: AccountState, msg: StoredMessage, deps: LifecycleDeps): void {
  if (account.test) return;
  const status = msg.resource.status;
  if (status === 'scheduled') {
    const wait = (msg.sendAt?.getTime() ?? 0) - deps.now().getTime();
    if (wait > MAX_TIMER_MS) return;
    // Not tracked by settle(): a schedule is minutes away at least.
    setTimeout(() => advance(account, msg, plan(msg, 'scheduled'), deps), Math.max(0, wait)).unref();
    return;
  }
  deps.scheduler.after(deps.stepMs, () => advance(account, msg, plan(msg, status), deps));
}

function plan(msg: StoredMessage, from: MessageStatus): MessageStatus[] {
  const head: MessageStatus[] = from === 'queued' ? [] : ['queued'];
  const fate = msg.fate;
  if (fate.status === 'failed') return [...head, 'failed'];
  return [...head, 'sending', 'sent', fate.status];
}

function advance(account: AccountState, msg: StoredMessage, steps: MessageStatus[], deps: LifecycleDeps) {
  const [next, ...rest] = steps;
  // Deleted, canceled or already final: stop quietly.
  if (!next || account.messages.get(msg.resource.sid) !== msg || msg.resource.status === 'canceled') return;
  apply(msg, next, deps.now());
  deps.notify(account, msg, callbackParams(msg));
  if (rest.length > 0) deps.scheduler.after(deps.stepMs, () => advance(account, msg, rest, deps));
}

function apply(msg: StoredMessage, status: MessageStatus, now: Date): void {
  const r = msg.resource;
  const date = rfc2822(now);
  if (status === 'queued' && r.from === null && msg.poolSender) {
    // A Messaging Service assigns its sender (and so the segment count) when the message leaves `accepted`.
    r.from = msg.poolSender;
    r.num_segments = String(segmentsOf(msg));
  }
  if (status === 'sent') {
    r.date_sent ??= date;
    r.price = (-unitPrice(msg) * Number(r.num_segments)).toFixed(5);
    r.price_unit = 'USD';
  }
  if ((status === 'failed' || status === 'undelivered') && msg.fate.status !== 'delivered') {
    r.error_code = msg.fate.errorCode;
    r.error_message = ASYNC_ERROR_MESSAGES[msg.fate.errorCode] ?? 'Unknown error';
  }
  r.status = status;
  r.date_updated = date;
}

export function segmentsOf(msg: StoredMessage): number {
  if (msg.channel === 'whatsapp' || msg.resource.num_media !== '0') return 1;
  return countSegments(msg.resource.body);
}

function unitPrice(msg: StoredMessage): number {
  if (msg.channel === 'whatsapp') return 0.005;
  return msg.resource.num_media !== '0' ? 0.02 : 0.0079;
}

/** Form fields of a status callback (Twilio's outbound status callback parameters). */
export function callbackParams(msg: StoredMessage): Record<string, string> {
  const r = msg.resource;
  const p: Record<string, string> = {
    AccountSid: r.account_sid,
    ApiVersion: API_VERSION,
    From: r.from ?? '',
    MessageSid: r.sid,
    MessageStatus: r.status,
    SmsSid: r.sid,
    SmsStatus: r.status,
    To: r.to,
  };
  if (r.messaging_service_sid) p.MessagingServiceSid = r.messaging_service_sid;
  if (r.error_code !== null) p.ErrorCode = String(r.error_code);
  return p;
}
