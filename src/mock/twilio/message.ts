import { randomFillSync } from 'node:crypto';

/** `message_enum_status` (reference §2.3). */
export type MessageStatus =
  | 'queued' | 'sending' | 'sent' | 'failed' | 'delivered' | 'undelivered' | 'receiving' | 'received'
  | 'accepted' | 'scheduled' | 'read' | 'partially_delivered' | 'canceled'; // prettier-ignore

/** The Message resource exactly as Twilio returns it: all 20 fields (reference §2.3). */
export interface MessageResource {
  account_sid: string;
  api_version: string;
  body: string;
  date_created: string;
  date_sent: string | null;
  date_updated: string;
  direction: 'outbound-api';
  error_code: number | null;
  error_message: string | null;
  from: string | null;
  messaging_service_sid: string | null;
  num_media: string;
  num_segments: string;
  price: string | null;
  price_unit: string | null;
  sid: string;
  status: MessageStatus;
  subresource_uris: { media: string };
  to: string;
  uri: string;
}

export const API_VERSION = '2010-04-01';

/** RFC 2822 in GMT with the literal `+0000` the SDK's dayjs format expects (reference §1.2). */
export function rfc2822(d: Date): string {
  // Cached per second: under load most messages share the same second.
  const second = Math.floor(d.getTime() / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = d.toUTCString().replace('GMT', '+0000');
  }
  return lastText;
}
let lastSecond = NaN;
let lastText = '';

// Random bytes drawn 4 KiB at a time: one system call per 256 SIDs rather than one UUID (and a regex) per SID.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

/** `prefix` + 32 lowercase random hex digits (message SIDs, request ids). */
export function newSid(prefix: string): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 16;
  return prefix + pool.toString('hex', poolOffset - 16, poolOffset);
}

export function messagePath(accountSid: string, sid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}.json`;
}

export interface NewMessage {
  accountSid: string;
  to: string;
  from: string | null;
  body: string;
  mediaCount: number;
  serviceSid: string | null;
  status: 'queued' | 'accepted' | 'scheduled';
  segments: number;
  now: Date;
}

export function buildMessage(m: NewMessage): MessageResource {
  const sid = newSid(m.mediaCount > 0 ? 'MM' : 'SM');
  const uri = messagePath(m.accountSid, sid);
  const date = rfc2822(m.now);
  return {
    account_sid: m.accountSid,
    api_version: API_VERSION,
    body: m.body,
    date_created: date,
    // As in the spec's create examples: set for a direct send, null until sent via a service or a schedule.
    date_sent: m.status === 'queued' ? date : null,
    date_updated: date,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: m.from,
    messaging_service_sid: m.serviceSid,
    num_media: String(m.mediaCount),
    num_segments: String(m.segments),
    price: null,
    price_unit: null,
    sid,
    status: m.status,
    subresource_uris: { media: `${uri.slice(0, -'.json'.length)}/Media.json` },
    to: m.to,
    uri,
  };
}

export function copyMessage(m: MessageResource): MessageResource {
  return { ...m, subresource_uris: { ...m.subresource_uris } };
}

const GSM7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿' +
  'abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXT = '^{}\\[~]|€\f';
const GSM7_SET = new Set(GSM7);
const GSM7_EXT_SET = new Set(GSM7_EXT);

/** SMS segments: GSM-7 160 / 153 per part, otherwise UCS-2 70 / 67 per part (UTF-16 units). */
export function countSegments(body: string): number {
  if (body === '') return 1;
  let septets = 0;
  let gsm = true;
  for (const ch of body) {
    if (GSM7_SET.has(ch)) septets += 1;
    else if (GSM7_EXT_SET.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return septets <= 160 ? 1 : Math.ceil(septets / 153);
  return body.length <= 70 ? 1 : Math.ceil(body.length / 67);
}
