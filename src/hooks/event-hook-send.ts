import type { IdSource } from './ids.js';
import type { HookAnswer } from './http-client.js';
import { OKTA_HOOK_TIMEOUT_MS } from './telephony-verdict.js';

/** What Okta sends to an event hook and how it judges the answers (reference §3.3). */
export interface EventHookDeliveryInput {
  ids: IdSource;
  now: Date;
  /** Events in the batch (default 1). */
  count?: number;
  eventType?: string;
  oktaDomain?: string;
}

/** A delivery shaped like samples/okta-hooks/event-hook-delivery.json, with fresh ids. */
export function buildEventHookDelivery(input: EventHookDeliveryInput): Record<string, unknown> {
  const { ids, now } = input;
  const domain = input.oktaDomain ?? 'example.okta.com';
  const events = Array.from({ length: input.count ?? 1 }, (_, i) => ({
    version: '0',
    severity: 'INFO',
    client: {
      zone: 'OFF_NETWORK',
      device: 'Unknown',
      userAgent: { os: 'Unknown', browser: 'UNKNOWN', rawUserAgent: 'UNKNOWN-DOWNLOAD' },
      ipAddress: '127.0.0.1',
    },
    actor: {
      id: `00u${ids.chars(17)}`,
      type: 'User',
      alternateId: 'admin@example.com',
      displayName: 'Example Admin',
    },
    outcome: { result: 'SUCCESS' },
    uuid: ids.uuid(),
    published: new Date(now.getTime() - 1000 + i).toISOString(),
    eventType: input.eventType ?? 'user.session.start',
    displayMessage: 'User login to Okta',
    transaction: { type: 'WEB', id: ids.chars(27) },
    legacyEventType: 'core.user_auth.login_success',
    authenticationContext: { authenticationStep: 0, externalSessionId: ids.chars(25) },
  }));
  return {
    eventType: 'com.okta.event_hook',
    eventTypeVersion: '1.0',
    cloudEventsVersion: '0.1',
    contentType: 'application/json',
    eventId: ids.uuid(),
    eventTime: now.toISOString(),
    source: `https://${domain}/api/v1/eventHooks/who${ids.chars(17)}`,
    data: { events },
  };
}

export interface EventHookJudgement {
  ok: boolean;
  reason: string;
  elapsedMs: number;
}

/** The verification GET passes when the answer is 200 JSON `{"verification": <challenge>}` within 3 s. */
export function judgeVerification(answer: HookAnswer, challenge: string, timeoutMs = OKTA_HOOK_TIMEOUT_MS) {
  const fail = (reason: string): EventHookJudgement => ({ ok: false, reason, elapsedMs: answer.elapsedMs });
  const late = lateness(answer, timeoutMs);
  if (late) return fail(late);
  if (answer.status !== 200) return fail(`verification answered HTTP ${answer.status}; Okta needs 200`);
  let body: unknown;
  try {
    body = JSON.parse(answer.body ?? '');
  } catch {
    return fail('verification answer is not JSON; Okta needs {"verification": "<challenge>"}');
  }
  const echoed = (body as { verification?: unknown } | null)?.verification;
  if (echoed !== challenge)
    return fail(`verification answer does not echo the challenge (got ${JSON.stringify(echoed ?? null)})`);
  return {
    ok: true,
    reason: 'the endpoint echoed the challenge; Okta verifies the hook',
    elapsedMs: answer.elapsedMs,
  };
}

/** A delivery passes with 200 or 204 within 3 s; Okta retries once after a timeout or 5xx, never after a 4xx. */
export function judgeDelivery(answer: HookAnswer, timeoutMs = OKTA_HOOK_TIMEOUT_MS): EventHookJudgement {
  const fail = (reason: string): EventHookJudgement => ({ ok: false, reason, elapsedMs: answer.elapsedMs });
  const late = lateness(answer, timeoutMs);
  if (late) return fail(`${late}; Okta retries the delivery once`);
  const status = answer.status ?? 0;
  if (status === 200 || status === 204) {
    const note = answer.body ? ' (Okta ignores the body; it should be empty)' : '';
    return { ok: true, reason: `delivery accepted with HTTP ${status}${note}`, elapsedMs: answer.elapsedMs };
  }
  if (status >= 400 && status < 500)
    return fail(`delivery answered HTTP ${status}; Okta does not retry a 4xx`);
  return fail(`delivery answered HTTP ${status}; Okta needs 200 or 204 and retries once`);
}

function lateness(answer: HookAnswer, timeoutMs: number): string | undefined {
  if (answer.timedOut || answer.elapsedMs > timeoutMs)
    return `no answer within Okta's ${timeoutMs / 1000}-second timeout (took ${Math.round(answer.elapsedMs)} ms)`;
  if (answer.status === undefined)
    return `Okta could not reach the hook: ${answer.transportError ?? 'no response'}`;
  return undefined;
}
