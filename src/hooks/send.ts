import {
  buildEventHookDelivery,
  judgeDelivery,
  judgeVerification,
  type EventHookJudgement,
} from './event-hook-send.js';
import { sendHookRequest, type HookAnswer } from './http-client.js';
import type { IdSource } from './ids.js';
import type { TelephonyRequest } from './telephony-payload.js';
import { judgeTelephonyAnswer, OKTA_HOOK_TIMEOUT_MS, type TelephonyVerdict } from './telephony-verdict.js';

/** Okta's authScheme header for a Workflows endpoint: the client token header (reference §3.4) [I]. */
export const DEFAULT_AUTH_HEADER = 'x-api-client-token';
/** How long past Okta's budget we keep waiting, only to report how late the answer was. */
export const DEFAULT_GRACE_MS = 2000;

export interface SendTelephonyOptions {
  url: string;
  request: TelephonyRequest;
  /** The client token, sent in `authHeader` (omit when the URL already carries `clientToken`). */
  token?: string;
  authHeader?: string;
  timeoutMs?: number;
  graceMs?: number;
}

export interface SendTelephonyResult {
  request: TelephonyRequest;
  answer: HookAnswer;
  verdict: TelephonyVerdict;
}

/** Plays Okta: posts the telephony hook request and judges the answer as Okta would. */
export async function sendTelephony(options: SendTelephonyOptions): Promise<SendTelephonyResult> {
  const timeoutMs = options.timeoutMs ?? OKTA_HOOK_TIMEOUT_MS;
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (options.token !== undefined) headers[options.authHeader ?? DEFAULT_AUTH_HEADER] = options.token;
  const answer = await sendHookRequest({
    method: 'POST',
    url: options.url,
    headers,
    body: JSON.stringify(options.request),
    giveUpMs: timeoutMs + (options.graceMs ?? DEFAULT_GRACE_MS),
  });
  return { request: options.request, answer, verdict: judgeTelephonyAnswer(answer, timeoutMs) };
}

export interface SendEventHookOptions {
  url: string;
  secret: string;
  ids: IdSource;
  now: Date;
  /** Events per delivery (default 1). */
  count?: number;
  eventType?: string;
  /** Send the same delivery twice, as Okta's at-least-once delivery may. */
  resend?: boolean;
  /** Skip the verification GET. */
  skipVerification?: boolean;
  timeoutMs?: number;
  graceMs?: number;
}

export interface EventHookStep {
  kind: 'verification' | 'delivery';
  answer: HookAnswer;
  judgement: EventHookJudgement;
}

export interface SendEventHookResult {
  ok: boolean;
  steps: EventHookStep[];
  delivery: Record<string, unknown>;
}

/** Plays Okta's event hook: the one-time verification GET, then one delivery POST (twice with `resend`). */
export async function sendEventHook(options: SendEventHookOptions): Promise<SendEventHookResult> {
  const timeoutMs = options.timeoutMs ?? OKTA_HOOK_TIMEOUT_MS;
  const giveUpMs = timeoutMs + (options.graceMs ?? DEFAULT_GRACE_MS);
  const base = {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    Authorization: options.secret,
  };
  const steps: EventHookStep[] = [];
  if (!options.skipVerification) {
    const challenge = options.ids.chars(
      40,
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
    );
    const answer = await sendHookRequest({
      method: 'GET',
      url: options.url,
      headers: { ...base, 'X-Okta-Verification-Challenge': challenge },
      giveUpMs,
    });
    steps.push({ kind: 'verification', answer, judgement: judgeVerification(answer, challenge, timeoutMs) });
  }
  const delivery = buildEventHookDelivery({
    ids: options.ids,
    now: options.now,
    count: options.count,
    eventType: options.eventType,
  });
  const body = JSON.stringify(delivery);
  for (let i = 0; i < (options.resend ? 2 : 1); i += 1) {
    const answer = await sendHookRequest({ method: 'POST', url: options.url, headers: base, body, giveUpMs });
    steps.push({ kind: 'delivery', answer, judgement: judgeDelivery(answer, timeoutMs) });
  }
  return { ok: steps.every((s) => s.judgement.ok), steps, delivery };
}
