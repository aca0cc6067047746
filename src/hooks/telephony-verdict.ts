import type { HookAnswer } from './http-client.js';
/**
 * How Okta judges a telephony inline hook's answer (reference §3.2): anything but a well-formed 200 answer with a
 * valid `com.okta.telephony.action` status, within 3 seconds, makes Okta skip the hook and send the OTP through
 * its own telephony provider.
 */
export const OKTA_HOOK_TIMEOUT_MS = 3000;
export const TELEPHONY_ACTION_TYPE = 'com.okta.telephony.action';
export const TELEPHONY_STATUSES = ['SUCCESSFUL', 'PENDING', 'FAILED'] as const;
export type TelephonyStatus = (typeof TELEPHONY_STATUSES)[number];

export type FallbackCode =
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'HTTP_STATUS'
  | 'MALFORMED_JSON'
  | 'ERROR_OBJECT'
  | 'MISSING_COMMANDS'
  | 'UNSUPPORTED_COMMAND'
  | 'MISSING_VALUE'
  | 'MISSING_STATUS'
  | 'INVALID_STATUS'
  | 'PROVIDER_FAILED';

/** What Okta got back from the hook (the same shape `hook send` records). */
export type TelephonyAnswer = HookAnswer;

export type TelephonyVerdict =
  | {
      verdict: 'accepted';
      reason: string;
      status: 'SUCCESSFUL' | 'PENDING';
      provider?: string;
      transactionId?: string;
      transactionMetadata?: string;
      elapsedMs: number;
      warnings: string[];
    }
  | {
      verdict: 'fallback';
      code: FallbackCode;
      reason: string;
      /** The error object when the hook returned one. */
      error?: { errorSummary?: string; errorCauses?: unknown[] };
      elapsedMs: number;
      warnings: string[];
    };

type Json = Record<string, unknown>;

export function judgeTelephonyAnswer(
  answer: TelephonyAnswer,
  timeoutMs = OKTA_HOOK_TIMEOUT_MS,
): TelephonyVerdict {
  const { elapsedMs } = answer;
  const warnings: string[] = [];
  const fallback = (
    code: FallbackCode,
    reason: string,
    extra: Partial<TelephonyVerdict> = {},
  ): TelephonyVerdict => ({
    verdict: 'fallback',
    code,
    reason,
    elapsedMs,
    warnings,
    ...(extra as object),
  });
  const seconds = (timeoutMs / 1000).toString();
  if (answer.timedOut || elapsedMs > timeoutMs)
    return fallback(
      'TIMEOUT',
      `no answer within Okta's ${seconds}-second timeout (took ${Math.round(elapsedMs)} ms)`,
    );
  if (answer.status === undefined)
    return fallback(
      'UNREACHABLE',
      `Okta could not reach the hook: ${answer.transportError ?? 'no response'}`,
    );
  if (answer.status !== 200)
    return fallback('HTTP_STATUS', `the hook answered HTTP ${answer.status}; Okta accepts only 200`);

  const contentType = headerValue(answer.headers, 'content-type');
  if (contentType && !/json/i.test(contentType)) warnings.push(`Content-Type is "${contentType}", not JSON`);
  let body: unknown;
  try {
    body = JSON.parse(answer.body ?? '');
  } catch {
    const preview = (answer.body ?? '').slice(0, 80);
    return fallback(
      'MALFORMED_JSON',
      `the response body is not JSON (${preview ? JSON.stringify(preview) : 'empty'})`,
    );
  }
  if (!isObject(body)) return fallback('MALFORMED_JSON', 'the response body is not a JSON object');

  if (body.error !== undefined && body.error !== null) {
    const error = isObject(body.error) ? body.error : {};
    const summary = typeof error.errorSummary === 'string' ? error.errorSummary : undefined;
    // Without errorSummary the end user sees Okta's generic text (reference §3.2).
    const shown = summary ?? 'The callback service returned an error';
    const causes = Array.isArray(error.errorCauses) ? error.errorCauses : undefined;
    const cause = causes?.find(isObject);
    const why = cause && typeof cause.reason === 'string' ? ` (reason: ${cause.reason})` : '';
    return fallback('ERROR_OBJECT', `the hook returned an error object: "${shown}"${why}`, {
      error: { errorSummary: summary, errorCauses: causes },
    });
  }

  if (!Array.isArray(body.commands) || body.commands.length === 0)
    return fallback('MISSING_COMMANDS', 'the response has no "commands" array, so Okta cannot map it');
  const commands = body.commands.filter(isObject);
  const command = commands.find((c) => c.type === TELEPHONY_ACTION_TYPE);
  if (!command) {
    const types = commands.map((c) => JSON.stringify(c.type ?? null)).join(', ') || 'none';
    return fallback(
      'UNSUPPORTED_COMMAND',
      `no command has type "${TELEPHONY_ACTION_TYPE}" (found ${types}); it is the only supported command`,
    );
  }
  if (!Array.isArray(command.value) || command.value.length === 0 || !isObject(command.value[0]))
    return fallback(
      'MISSING_VALUE',
      `the "${TELEPHONY_ACTION_TYPE}" command has no "value" array of objects`,
    );
  const value = command.value[0];
  if (value.status === undefined || value.status === null)
    return fallback('MISSING_STATUS', 'value[0].status is missing; it is required');
  if (typeof value.status !== 'string' || !(TELEPHONY_STATUSES as readonly string[]).includes(value.status))
    return fallback(
      'INVALID_STATUS',
      `value[0].status is ${JSON.stringify(value.status)}; Okta accepts ${TELEPHONY_STATUSES.join(', ')}`,
    );
  // [I] FAILED means the provider could not deliver; Okta then uses its own provider.
  if (value.status === 'FAILED')
    return fallback(
      'PROVIDER_FAILED',
      'the hook reported status FAILED (the provider could not deliver the OTP)',
    );

  const text = (k: string): string | undefined =>
    typeof value[k] === 'string' ? (value[k] as string) : undefined;
  for (const k of ['provider', 'transactionId']) if (!text(k)) warnings.push(`value[0].${k} is missing`);
  if (elapsedMs > timeoutMs * 0.8)
    warnings.push(`answered in ${Math.round(elapsedMs)} ms, close to Okta's ${seconds}-second timeout`);
  return {
    verdict: 'accepted',
    reason:
      value.status === 'SUCCESSFUL'
        ? 'the hook delivered the OTP (status SUCCESSFUL)'
        : 'the hook sent the OTP but could not confirm delivery (status PENDING)',
    status: value.status as 'SUCCESSFUL' | 'PENDING',
    provider: text('provider'),
    transactionId: text('transactionId'),
    transactionMetadata: text('transactionMetadata'),
    elapsedMs,
    warnings,
  };
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
