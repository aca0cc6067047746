import { resolve } from 'node:path';
import type { CommandContext } from '../../context.js';
import { UsageError } from '../../../errors.js';
import { OKTA_SEED } from '../../../mock/okta/defaults.js';
import { CLIENT_TOKEN_ENV, EVENT_HOOK_SECRET_ENV, resolveSecret } from '../../../hooks/client-token.js';
import { createIdSource } from '../../../hooks/ids.js';
import { sendEventHook, sendTelephony } from '../../../hooks/send.js';
import {
  buildTelephonyRequest,
  parseDeliveryChannel,
  parseRequestType,
  TELEPHONY_REQUEST_TYPES,
} from '../../../hooks/telephony-payload.js';
import { describeEventResult, describeTelephonyResult } from './send-report.js';
import { httpUrl, isoDate, positiveInt } from './flags.js';

export interface SendTelephonyFlags {
  to: string;
  user: string;
  requestType: string;
  channel: string;
  phone?: string;
  otp?: string;
  login?: string;
  clientTokenFile?: string;
  authHeader: string;
  seed?: string;
  now?: string;
  json?: boolean;
}

/** `hook send telephony`: sends what Okta sends and prints Okta's verdict. Exit 0 accepted, 1 fallback. */
export async function runSendTelephony(flags: SendTelephonyFlags, ctx: CommandContext): Promise<void> {
  const { io } = ctx;
  const url = httpUrl(flags.to, '--to');
  const requestType = parseRequestType(flags.requestType);
  if (!requestType)
    throw new UsageError(
      `--request-type must be one of ${TELEPHONY_REQUEST_TYPES.map((t) => t.split('.').pop()).join(', ')} (or the full name)`,
    );
  const channel = parseDeliveryChannel(flags.channel);
  if (!channel) throw new UsageError('--channel must be sms or voice');
  if (flags.otp !== undefined && !/^\d{4,10}$/.test(flags.otp))
    throw new UsageError('--otp must be 4 to 10 digits');
  const token = await clientToken(flags, ctx, url);
  // Okta knows the user's profile; for the mock Okta's seeded users we know it too.
  const seeded = OKTA_SEED.users.find((u) => u.id === flags.user || u.profile.login === flags.user);
  const phone = flags.phone ?? seeded?.profile.mobilePhone ?? '+14155550100';
  const request = buildTelephonyRequest({
    requestType,
    user: {
      userId: seeded?.id ?? flags.user,
      login: flags.login ?? seeded?.profile.login ?? `${flags.user}@example.com`,
      firstName: seeded?.profile.firstName ?? 'Test',
      lastName: seeded?.profile.lastName ?? 'User',
    },
    phoneNumber: phone,
    channel,
    otpCode: flags.otp,
    now: flags.now ? isoDate(flags.now, '--now') : new Date(),
    ids: createIdSource(flags.seed),
  });
  const result = await sendTelephony({ url, request, token, authHeader: flags.authHeader });
  io.stdout.write(
    flags.json
      ? JSON.stringify(jsonOf(result), null, 2) + '\n'
      : describeTelephonyResult(result, url, io.paint),
  );
  ctx.exit(result.verdict.verdict === 'accepted' ? 0 : 1);
}

export interface SendEventFlags {
  to: string;
  secretFile?: string;
  events: string;
  eventType: string;
  resend?: boolean;
  skipVerification?: boolean;
  seed?: string;
  now?: string;
  json?: boolean;
}

/** `hook send event`: the verification GET, then a delivery POST (twice with --resend), each judged as Okta does. */
export async function runSendEvent(flags: SendEventFlags, ctx: CommandContext): Promise<void> {
  const { io } = ctx;
  const url = httpUrl(flags.to, '--to');
  const count = positiveInt(flags.events, '--events', 100);
  const file = flags.secretFile && resolve(io.cwd, flags.secretFile);
  const secret = await resolveSecret(file, io.env, EVENT_HOOK_SECRET_ENV, 'event hook secret');
  if (!secret)
    throw new UsageError(`give the event hook secret with --secret-file or ${EVENT_HOOK_SECRET_ENV}`);
  const result = await sendEventHook({
    url,
    secret,
    ids: createIdSource(flags.seed),
    now: flags.now ? isoDate(flags.now, '--now') : new Date(),
    count,
    eventType: flags.eventType,
    resend: flags.resend,
    skipVerification: flags.skipVerification,
  });
  if (flags.json) {
    const steps = result.steps.map((s) => ({ kind: s.kind, status: s.answer.status, ...s.judgement }));
    io.stdout.write(JSON.stringify({ ok: result.ok, steps }, null, 2) + '\n');
  } else io.stdout.write(describeEventResult(result, url, io.paint));
  ctx.exit(result.ok ? 0 : 1);
}

async function clientToken(
  flags: SendTelephonyFlags,
  ctx: CommandContext,
  url: string,
): Promise<string | undefined> {
  const file = flags.clientTokenFile && resolve(ctx.io.cwd, flags.clientTokenFile);
  const token = await resolveSecret(file, ctx.io.env, CLIENT_TOKEN_ENV, 'client token');
  if (token === undefined && !new URL(url).searchParams.has('clientToken'))
    throw new UsageError(
      `give the client token with --client-token-file or ${CLIENT_TOKEN_ENV} (hook serve printed it at startup)`,
    );
  return token;
}

function jsonOf(result: Awaited<ReturnType<typeof sendTelephony>>): unknown {
  const { answer, verdict, request } = result;
  return {
    verdict: verdict.verdict,
    reason: verdict.reason,
    ...('code' in verdict ? { code: verdict.code } : {}),
    status: answer.status ?? null,
    elapsedMs: Math.round(answer.elapsedMs),
    warnings: verdict.warnings,
    body: answer.body ?? null,
    request,
  };
}
