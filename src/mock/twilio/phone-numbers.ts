import { createHash } from 'node:crypto';
import { first, type FormFields } from '../http/form.js';
import { API_VERSION } from './message.js';
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
  uri: string;
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
    .map((number): IncomingPhoneNumber => {
      const sid = sidOf(account.sid, number);
      return {
        sid,
        account_sid: account.sid,
        friendly_name: friendlyName(number),
        phone_number: number,
        capabilities: { voice: true, sms: true, mms: true, fax: false },
        status: 'in-use',
        date_created: PURCHASED,
        date_updated: PURCHASED,
        api_version: API_VERSION,
        uri: `/${API_VERSION}/Accounts/${account.sid}/IncomingPhoneNumbers/${sid}.json`,
      };
    })
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
