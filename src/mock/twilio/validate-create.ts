import { all, first, type FormFields } from '../http/form.js';
import { twilioError } from './errors.js';
import type { AccountState, ServiceState } from './state.js';

/** A create request that passed every synchronous check. */
export interface ValidCreate {
  to: string;
  /** As given (with `whatsapp:` when WhatsApp); null when a Messaging Service picks the sender. */
  from: string | null;
  /** The sender a Messaging Service would use (when `from` is null). */
  poolSender: string | null;
  channel: 'sms' | 'whatsapp';
  service: ServiceState | null;
  body: string;
  mediaUrls: string[];
  contentSid: string | null;
  statusCallback: string | null;
  sendAt: Date | null;
}

const E164 = /^\+[1-9]\d{1,14}$/;
const SHORT_CODE = /^\d{5,6}$/;
const ALPHA_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;
const CONTENT_SID = /^HX[0-9a-fA-F]{32}$/;
const WHATSAPP = 'whatsapp:';
const MIN_SCHEDULE_MS = 15 * 60_000;
const MAX_SCHEDULE_MS = 35 * 86_400_000;

/** Twilio's test-credential magic numbers (reference §7). */
export const MAGIC = {
  validFrom: '+15005550006',
  invalid: '+15005550001',
  cannotRoute: '+15005550002',
  noGeoPermission: '+15005550003',
  blocked: '+15005550004',
  fromNotOwned: '+15005550007',
  queueFull: '+15005550008',
  notMobile: '+15005550009',
} as const;

const text = (f: FormFields, k: string) => first(f, k)?.trim() ?? '';

/** Checks a create request in Twilio's order (reference §8.4, §7); throws the first TwilioApiError. */
export function validateCreate(f: FormFields, account: AccountState, now: Date): ValidCreate {
  const to = text(f, 'To');
  const from = text(f, 'From');
  const serviceSid = text(f, 'MessagingServiceSid');
  const body = first(f, 'Body') ?? '';
  const mediaUrls = all(f, 'MediaUrl').filter((u) => u.trim() !== '');
  const contentSid = text(f, 'ContentSid');
  const contentVariables = first(f, 'ContentVariables');

  if (to === '') throw twilioError('toRequired');
  if (from === '' && serviceSid === '') throw twilioError('fromRequired');
  if (body === '' && mediaUrls.length === 0 && contentSid === '') throw twilioError('bodyRequired');
  if (codePoints(body) > 1600) throw twilioError('bodyTooLong');
  if (contentVariables !== undefined && contentSid === '') throw twilioError('contentSidRequired');
  if (contentSid !== '' && !CONTENT_SID.test(contentSid)) throw twilioError('contentSidInvalid');
  if (contentVariables !== undefined && !isJsonObject(contentVariables))
    throw twilioError('contentVariablesInvalid');
  if (mediaUrls.length > 10) throw twilioError('tooManyMedia');
  if (!mediaUrls.every(isHttpUrl)) throw twilioError('mediaUrlInvalid');
  const statusCallback = text(f, 'StatusCallback');
  if (statusCallback !== '' && !isHttpUrl(statusCallback)) throw twilioError('statusCallbackInvalid');

  const channel = to.startsWith(WHATSAPP) ? 'whatsapp' : 'sms';
  const toNumber = channel === 'whatsapp' ? to.slice(WHATSAPP.length) : to;
  if (!E164.test(toNumber) || toNumber === MAGIC.invalid) throw twilioError('invalidTo', { to });
  if (from !== '') checkFromFormat(from);
  if (from !== '' && from.startsWith(WHATSAPP) !== (channel === 'whatsapp'))
    throw twilioError('channelMismatch');
  if (from !== '' && from === to) throw twilioError('sameToFrom');

  let service: ServiceState | null = null;
  if (serviceSid !== '') {
    service = account.services.get(serviceSid) ?? null;
    if (!service) throw twilioError('serviceInvalid', { sid: serviceSid });
  }
  const sendAt = checkSchedule(f, service, now);
  const poolSender = from === '' && service ? pickSender(service, channel) : null;

  if (channel === 'sms' && from !== '') checkSmsSender(from, account);
  if (account.trial && !account.verified.has(toNumber)) throw twilioError('unverified', { to: toNumber });
  if (channel === 'sms') {
    if (toNumber === MAGIC.noGeoPermission) throw twilioError('noGeoPermission', { to: toNumber });
    if (toNumber === MAGIC.blocked) throw twilioError('unsubscribed');
    if (toNumber === MAGIC.cannotRoute) throw twilioError('cannotRoute');
    if (toNumber === MAGIC.notMobile) throw twilioError('notMobile', { to: toNumber });
  }
  if (account.optedOut.has(toNumber)) throw twilioError('unsubscribed');
  if (channel === 'whatsapp' && from !== '' && !account.whatsappSenders.has(from.slice(WHATSAPP.length)))
    throw twilioError('noChannel');

  return {
    to,
    from: from === '' ? null : from,
    poolSender,
    channel,
    service,
    body,
    mediaUrls,
    contentSid: contentSid === '' ? null : contentSid,
    statusCallback: statusCallback === '' ? null : statusCallback,
    sendAt,
  };
}

function checkFromFormat(from: string): void {
  const ok = from.startsWith(WHATSAPP)
    ? E164.test(from.slice(WHATSAPP.length))
    : E164.test(from) || SHORT_CODE.test(from) || ALPHA_SENDER.test(from);
  if (!ok || from === MAGIC.invalid) throw twilioError('invalidFrom', { from });
}

function checkSmsSender(from: string, account: AccountState): void {
  if (from === MAGIC.fromNotOwned) throw twilioError('fromNotOwned', { from });
  if (from === MAGIC.queueFull) throw twilioError('queueFull');
  if (from === MAGIC.validFrom) return;
  // With test credentials only the magic "valid" number passes (reference §7).
  if (account.test || !account.phoneNumbers.has(from)) throw twilioError('fromNotOwned', { from });
}

function pickSender(service: ServiceState, channel: 'sms' | 'whatsapp'): string {
  const sender = service.senders.find((s) => s.startsWith(WHATSAPP) === (channel === 'whatsapp'));
  if (!sender) throw twilioError('serviceNoSender');
  return sender;
}

/** Scheduling needs ScheduleType=fixed, a service, and SendAt 15 minutes to 35 days ahead (error 35114 docs). */
function checkSchedule(f: FormFields, service: ServiceState | null, now: Date): Date | null {
  const type = text(f, 'ScheduleType');
  if (type === '') return null;
  if (type !== 'fixed') throw twilioError('scheduleTypeInvalid');
  if (!service) throw twilioError('scheduleNeedsService');
  const raw = text(f, 'SendAt');
  const at = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? new Date(raw) : new Date(NaN);
  const ahead = at.getTime() - now.getTime();
  if (Number.isNaN(ahead) || ahead < MIN_SCHEDULE_MS || ahead > MAX_SCHEDULE_MS)
    throw twilioError('sendAtInvalid');
  return at;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

function isJsonObject(s: string): boolean {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const u = new URL(s);
    return u.hostname !== '' && !u.hostname.includes('_');
  } catch {
    return false;
  }
}
