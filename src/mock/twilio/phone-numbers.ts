import { createHash } from 'node:crypto';
import { first, type FormFields } from '../http/form.js';
import { twilioError } from './errors.js';
import { API_VERSION, rfc2822 } from './message.js';
import { pageSizeOf } from './paging.js';
import type { AccountState } from './state.js';

/** When the seeded numbers were bought: fixed, so the same seed gives the same answers. */
const PURCHASED = 'Mon, 01 Jan 2024 00:00:00 +0000';

/** An IncomingPhoneNumber resource (Twilio's api.v2010.account.incoming_phone_number), the fields a list shows. */
export interface IncomingPhoneNumber {
  sid: string;
  account_sid: string;
  friendly_name: string;
  phone_number: string;
  capabilities: { voice: boolean; sms: boolean; mms: boolean; fax: boolean };
  status: string;
  date_created: string;
  date_updated: string;
  api_version: string;
  /** Where Twilio posts the number's incoming messages (the webhook a Webhook Event registers), and how. */
  /** null when none is set (Twilio's description: nullable uri). */
  sms_url: string | null;
  sms_method: string;
  sms_fallback_url: string | null;
  sms_fallback_method: string;
  uri: string;
}

/** What POST IncomingPhoneNumbers/{Sid}.json changed, per number; the seed gives none (empty URLs, POST). */
interface NumberSettings {
  smsUrl: string;
  smsMethod: string;
  smsFallbackUrl: string;
  smsFallbackMethod: string;
  dateUpdated: string;
}
// Keyed by the account's state object, so a reset (a fresh state) starts from the seed again.
const SETTINGS = new WeakMap<AccountState, Map<string, NumberSettings>>();

function settingsOf(account: AccountState): Map<string, NumberSettings> {
  let map = SETTINGS.get(account);
  if (!map) SETTINGS.set(account, (map = new Map()));
  return map;
}

function resource(account: AccountState, number: string): IncomingPhoneNumber {
  const sid = sidOf(account.sid, number);
  const set = settingsOf(account).get(sid);
  return {
    sid,
    account_sid: account.sid,
    friendly_name: friendlyName(number),
    phone_number: number,
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    status: 'in-use',
    date_created: PURCHASED,
    date_updated: set?.dateUpdated ?? PURCHASED,
    api_version: API_VERSION,
    sms_url: set?.smsUrl || null,
    sms_method: set?.smsMethod ?? 'POST',
    sms_fallback_url: set?.smsFallbackUrl || null,
    sms_fallback_method: set?.smsFallbackMethod ?? 'POST',
    uri: numberPath(account.sid, sid),
  };
}

function numberPath(accountSid: string, sid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/IncomingPhoneNumbers/${sid}.json`;
}

function findNumber(account: AccountState, sid: string): string {
  const number = [...account.phoneNumbers].find((n) => sidOf(account.sid, n) === sid);
  if (number === undefined) throw twilioError('notFound', { path: numberPath(account.sid, sid) });
  return number;
}

/** GET /Accounts/{Sid}/IncomingPhoneNumbers/{Sid}.json: one of the account's numbers. */
export function fetchIncomingPhoneNumber(account: AccountState, sid: string): IncomingPhoneNumber {
  return resource(account, findNumber(account, sid));
}

/**
 * POST /Accounts/{Sid}/IncomingPhoneNumbers/{Sid}.json: changes the number's SMS handler. `SmsUrl` (and
 * `SmsFallbackUrl`) is an absolute http(s) URL, or empty to remove it (21402 otherwise); `SmsMethod` and
 * `SmsFallbackMethod` are GET or POST. Other parameters are accepted and ignored.
 */
export function updateIncomingPhoneNumber(
  account: AccountState,
  sid: string,
  fields: FormFields,
  now: Date,
): IncomingPhoneNumber {
  const number = findNumber(account, sid);
  const current = resource(account, number);
  const url = (key: string, was: string) => {
    const value = first(fields, key);
    if (value === undefined) return was;
    if (value !== '' && !/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value))
      throw twilioError('invalidUrl', { value });
    return value;
  };
  const method = (key: string, was: string) => {
    const value = first(fields, key);
    if (value === undefined) return was;
    if (!/^(GET|POST)$/i.test(value)) throw twilioError('invalidMethod', { value });
    return value.toUpperCase();
  };
  settingsOf(account).set(sid, {
    smsUrl: url('SmsUrl', current.sms_url ?? ''),
    smsMethod: method('SmsMethod', current.sms_method),
    smsFallbackUrl: url('SmsFallbackUrl', current.sms_fallback_url ?? ''),
    smsFallbackMethod: method('SmsFallbackMethod', current.sms_fallback_method),
    dateUpdated: rfc2822(now),
  });
  return resource(account, number);
}

/** `PN` and 32 hex digits derived from the number: stable across runs. */
function sidOf(accountSid: string, number: string): string {
  return `PN${createHash('sha256').update(`${accountSid}/${number}`).digest('hex').slice(0, 32)}`;
}

/** The number as Twilio's console names it by default: `(415) 555-0100` for US numbers, else as it is. */
function friendlyName(number: string): string {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(number);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : number;
}

/**
 * GET /Accounts/{Sid}/IncomingPhoneNumbers.json: the account's SMS numbers (the seed's `phoneNumbers`), filtered by
 * PhoneNumber and FriendlyName (substring, as Twilio matches them), one page of PageSize.
 */
export function listIncomingPhoneNumbers(account: AccountState, q: FormFields) {
  const pageSize = pageSizeOf(first(q, 'PageSize'));
  const byNumber = first(q, 'PhoneNumber') ?? '';
  const byName = first(q, 'FriendlyName') ?? '';
  const base = `/${API_VERSION}/Accounts/${account.sid}/IncomingPhoneNumbers.json?PageSize=${pageSize}`;
  const numbers = [...account.phoneNumbers]
    .sort()
    .map((number) => resource(account, number))
    .filter((n) => n.phone_number.includes(byNumber) && n.friendly_name.includes(byName))
    .slice(0, pageSize);
  return {
    end: Math.max(0, numbers.length - 1),
    first_page_uri: `${base}&Page=0`,
    next_page_uri: null,
    page: 0,
    page_size: pageSize,
    previous_page_uri: null,
    start: 0,
    uri: `${base}&Page=0`,
    incoming_phone_numbers: numbers,
  };
}
