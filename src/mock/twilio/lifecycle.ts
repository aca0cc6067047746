import { timerDelay } from '../../util/timers.js';
import { ASYNC_ERROR_MESSAGES } from './errors.js';
import { API_VERSION, countSegments, rfc2822, type MessageStatus } from './message.js';
import type { Scheduler } from './scheduler.js';
import type { AccountState, StoredMessage } from './state.js';

export interface LifecycleDeps {
  scheduler: Scheduler;
  stepMs: number;
  now(): Date;
  /** Called after every transition of a message with a StatusCallback, except the initial status (Twilio
   * sends no callback for it, §2.3). */
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
  const steps = plan(msg, status);
  if (status === 'scheduled') {
    const wait = (msg.sendAt?.getTime() ?? 0) - deps.now().getTime();
    if (wait > MAX_TIMER_MS) return;
    // Not tracked by settle(): a schedule is minutes away at least. Cleared if the message is removed.
    msg.timer = setTimeout(() => advance(account, msg, steps, 0, deps), timerDelay(wait));
    msg.timer.unref();
    return;
  }
  deps.scheduler.after(deps.stepMs, () => advance(account, msg, steps, 0, deps));
}

// Every plan is one of a few constant lists, shared rather than built per message.
const PLANS = new Map<string, readonly MessageStatus[]>();

function plan(msg: StoredMessage, from: MessageStatus): readonly MessageStatus[] {
  const key = `${from} ${msg.fate.status}`;
  let steps = PLANS.get(key);
  if (!steps) {
    const head: MessageStatus[] = from === 'queued' ? [] : ['queued'];
    steps =
      msg.fate.status === 'failed' ? [...head, 'failed'] : [...head, 'sending', 'sent', msg.fate.status];
    PLANS.set(key, steps);
  }
  return steps;
}

function advance(
  account: AccountState,
  msg: StoredMessage,
  steps: readonly MessageStatus[],
  step: number,
  deps: LifecycleDeps,
): void {
  const next = steps[step];
  // Deleted, evicted, canceled or already final: stop quietly.
  if (!next || msg.removed || msg.resource.status === 'canceled') return;
  apply(msg, next, deps.now());
  if (msg.statusCallback) deps.notify(account, msg, callbackParams(msg));
  if (step + 1 < steps.length)
    deps.scheduler.after(deps.stepMs, () => advance(account, msg, steps, step + 1, deps));
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
