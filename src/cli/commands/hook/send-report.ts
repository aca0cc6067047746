import type { Paint } from '../../../diagnostics/format.js';
import type { SendEventHookResult, SendTelephonyResult } from '../../../hooks/send.js';

/** Human output of `hook send`: what was sent, what came back, and Okta's verdict with its reason. */
export function describeTelephonyResult(result: SendTelephonyResult, url: string, paint: Paint): string {
  const { request, answer, verdict } = result;
  const m = request.data.messageProfile;
  const type = request.requestType.split('.').pop();
  const lines = [
    `Okta → POST ${redactUrl(url)}`,
    `  ${type}, ${m.deliveryChannel} to ${m.phoneNumber}, user ${request.data.userProfile.userId}, OTP ${m.otpCode}`,
    answer.status === undefined
      ? `← no answer after ${Math.round(answer.elapsedMs)} ms (${answer.transportError ?? 'no response'})`
      : `← HTTP ${answer.status} in ${Math.round(answer.elapsedMs)} ms${answer.body ? `: ${clip(answer.body)}` : ''}`,
  ];
  if (verdict.verdict === 'accepted') {
    lines.push(`${paint.green('Okta accepts the answer')}: ${verdict.reason}`);
    const facts = [
      verdict.provider && `provider ${verdict.provider}`,
      verdict.transactionId && `transactionId ${verdict.transactionId}`,
      verdict.transactionMetadata && `metadata ${verdict.transactionMetadata}`,
    ].filter(Boolean);
    if (facts.length) lines.push(`  ${facts.join(', ')}`);
  } else {
    lines.push(
      `${paint.red('Okta falls back to its own telephony provider')} (${verdict.code}): ${verdict.reason}`,
    );
    // Okta's warning (reference §3.2): the service may have sent the code before its answer was refused.
    if (!['ERROR_OBJECT', 'PROVIDER_FAILED', 'UNREACHABLE', 'HTTP_STATUS'].includes(verdict.code))
      lines.push(
        paint.dim('  If your service did send the code, the user now gets two messages (reference §3.2).'),
      );
  }
  for (const w of verdict.warnings) lines.push(paint.yellow(`  warning: ${w}`));
  return lines.join('\n') + '\n';
}

export function describeEventResult(result: SendEventHookResult, url: string, paint: Paint): string {
  const lines = [`Okta event hook → ${redactUrl(url)}`];
  for (const step of result.steps) {
    const status = step.answer.status === undefined ? 'no answer' : `HTTP ${step.answer.status}`;
    const mark = step.judgement.ok ? paint.green('ok') : paint.red('fails');
    lines.push(
      `  ${step.kind}: ${status} in ${Math.round(step.answer.elapsedMs)} ms — ${mark}: ${step.judgement.reason}`,
    );
  }
  lines.push(
    result.ok
      ? paint.green('Okta would use this event hook.')
      : paint.red('Okta would not use this event hook.'),
  );
  return lines.join('\n') + '\n';
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 300 ? `${one.slice(0, 300)}…` : one;
}

/** The URL as printed: a `clientToken` query value is a secret. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.searchParams.has('clientToken')) u.searchParams.set('clientToken', '<redacted>');
    return u.toString().replace('%3Credacted%3E', '<redacted>');
  } catch {
    return url;
  }
}
