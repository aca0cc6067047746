import { first, type FormFields } from '../http/form.js';
import { twilioError } from './errors.js';
import { API_VERSION, type MessageResource } from './message.js';
import type { AccountState, MockState, StoredMessage } from './state.js';

/** `ListMessageResponse` (reference §2.4). */
export interface MessageListPage {
  end: number;
  first_page_uri: string;
  next_page_uri: string | null;
  page: number;
  page_size: number;
  previous_page_uri: string | null;
  start: number;
  uri: string;
  messages: MessageResource[];
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
const FILTERS = ['To', 'From', 'DateSent', 'DateSent<', 'DateSent>'] as const;
const DAY_MS = 86_400_000;

/**
 * One page of an account's messages, newest first. Tokens are `PA<sid>` (the page after the message `sid`)
 * and `PB<sid>` (the page before it), as in the spec's `readFullPage1` example; filters are echoed into every URI.
 */
export function listMessages(state: MockState, account: AccountState, q: FormFields): MessageListPage {
  const pageSize = pageSizeOf(first(q, 'PageSize'));
  const page = intParam(q, 'Page', 0);
  const token = first(q, 'PageToken') ?? '';
  const matches = matcher(q);
  const ordered: StoredMessage[] = [];
  for (const m of account.messages.values()) if (matches(m.resource)) ordered.push(m);
  ordered.reverse();

  let from = 0;
  let to = Math.min(ordered.length, pageSize);
  if (token !== '') {
    // A removed message keeps its place while its tombstone lasts (MessageStore); evicted ones are the oldest,
    // so "the page after" an evicted message is empty, as it would be on Twilio after their deletion.
    const seq = /^P[AB]/.test(token) ? state.store.seqOf(account, token.slice(2)) : undefined;
    if (seq === undefined) throw twilioError('invalidPageToken');
    if (token.startsWith('PA')) {
      from = firstIndex(ordered, (m) => m.seq < seq);
      to = Math.min(ordered.length, from + pageSize);
    } else {
      to = firstIndex(ordered, (m) => m.seq <= seq);
      from = Math.max(0, to - pageSize);
    }
  }
  const items = ordered.slice(from, to);
  const base = `/${API_VERSION}/Accounts/${account.sid}/Messages.json?${echo(q)}PageSize=${pageSize}`;
  const last = items[items.length - 1];
  const head = items[0];
  const start = page * pageSize;
  return {
    end: items.length === 0 ? start : start + items.length - 1,
    first_page_uri: `${base}&Page=0`,
    next_page_uri:
      last && to < ordered.length ? `${base}&Page=${page + 1}&PageToken=PA${last.resource.sid}` : null,
    page,
    page_size: pageSize,
    previous_page_uri:
      head && page > 0 && from > 0 ? `${base}&Page=${page - 1}&PageToken=PB${head.resource.sid}` : null,
    start,
    uri: `${base}&Page=${page}${token === '' ? '' : `&PageToken=${encodeURIComponent(token)}`}`,
    messages: items.map((m) => m.resource),
  };
}

function firstIndex(list: StoredMessage[], test: (m: StoredMessage) => boolean): number {
  const i = list.findIndex(test);
  return i < 0 ? list.length : i;
}

export function pageSizeOf(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PAGE_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw twilioError('invalidParameter', { name: 'PageSize', value: raw });
  return Math.min(n, MAX_PAGE_SIZE);
}

function intParam(q: FormFields, name: string, fallback: number): number {
  const raw = first(q, name);
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw twilioError('invalidParameter', { name, value: raw });
  return n;
}

function echo(q: FormFields): string {
  let out = '';
  for (const k of FILTERS) {
    const v = first(q, k);
    if (v !== undefined && v !== '') out += `${encodeURIComponent(k)}=${encodeURIComponent(v)}&`;
  }
  return out;
}

/** To/From match exactly; DateSent filters accept YYYY-MM-DD (whole UTC day) or an ISO date-time (§2.4). */
function matcher(q: FormFields): (m: MessageResource) => boolean {
  const to = first(q, 'To') || undefined;
  const from = first(q, 'From') || undefined;
  const on = dateParam(q, 'DateSent');
  const before = dateParam(q, 'DateSent<');
  const after = dateParam(q, 'DateSent>');
  const anyDate = on || before || after;
  return (m) => {
    if (to !== undefined && m.to !== to) return false;
    if (from !== undefined && m.from !== from) return false;
    if (!anyDate) return true;
    if (m.date_sent === null) return false;
    const t = Date.parse(m.date_sent);
    if (on && (t < on.start || t >= on.start + DAY_MS)) return false;
    if (before && t > (before.dayOnly ? before.start + DAY_MS - 1 : before.start)) return false;
    if (after && t < after.start) return false;
    return true;
  };
}

function dateParam(q: FormFields, name: string): { start: number; dayOnly: boolean } | undefined {
  const raw = first(q, name);
  if (raw === undefined || raw === '') return undefined;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const t = dayOnly
    ? Date.parse(`${raw}T00:00:00Z`)
    : /^\d{4}-\d{2}-\d{2}T/.test(raw)
      ? Date.parse(raw)
      : NaN;
  if (Number.isNaN(t)) throw twilioError('invalidParameter', { name, value: raw });
  // DateSent=<date-time> filters on that whole UTC day.
  return { start: name === 'DateSent' && !dayOnly ? t - (t % DAY_MS) : t, dayOnly };
}
