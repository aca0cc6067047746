import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { DiagnosticsError } from '../../errors.js';
import { loadSourceFile, type SourceDocument } from '../../source/document.js';
import { DEFAULT_TWILIO_SEED } from './defaults.js';
import type { SeedAccount, TwilioSeed } from './seed.js';
import { parseSeedTime } from './seed-time.js';

export const SEED_CODE = 'OC-MOCK-SEED';

/**
 * Loads a seed file (YAML or JSON). The file REPLACES the built-in defaults, unless it says
 * `includeDefaults: true`: then its accounts are added to the default account (an account with the default
 * account's SID replaces it). `maxMessages` and `maxLoggedRequests` bound what the mock keeps. Every problem
 * is reported at once, each with file:line:column.
 */
export async function loadTwilioSeed(file: string, displayName = file): Promise<TwilioSeed> {
  const doc = await loadSourceFile(file, displayName);
  const { seed, diagnostics } = checkTwilioSeed(doc.data, doc.at);
  if (diagnostics.length > 0) throw new DiagnosticsError(diagnostics);
  return seed;
}

/**
 * Checks seed data already parsed (e.g. a seed inlined in another document at pointer `base`), with the same
 * rules as loadTwilioSeed; `at` locates a pointer in the enclosing document.
 */
export function checkTwilioSeed(
  data: unknown,
  at: SourceDocument['at'],
  base = '',
): { seed: TwilioSeed; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const err: Err = (pointer, message, hint) =>
    diagnostics.push(at(base + pointer, { severity: 'error', code: SEED_CODE, message, hint }));
  return { seed: checkSeed(data, err), diagnostics };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const ACCOUNT_KEYS = new Set([
  'sid', 'authToken', 'friendlyName', 'trial', 'testCredentials', 'apiKeys', 'phoneNumbers',
  'whatsappSenders', 'messagingServices', 'verifiedNumbers', 'sandboxParticipants', 'whatsappSessions',
  'optedOut', 'deliveryFailures',
]); // prettier-ignore
const E164 = /^\+[1-9]\d{1,14}$/;

function checkSeed(root: unknown, err: Err): TwilioSeed {
  if (!isObj(root) || !Array.isArray(root.accounts)) {
    err('', 'a Twilio mock seed must be a mapping with an `accounts` list', 'see DEFAULT_TWILIO_SEED');
    return { accounts: [] };
  }
  for (const key of Object.keys(root)) {
    if (!ROOT_KEYS.has(key))
      err(`/${key}`, `unknown key "${key}"; expected one of ${[...ROOT_KEYS].join(', ')}`);
  }
  if (root.includeDefaults !== undefined && typeof root.includeDefaults !== 'boolean')
    err('/includeDefaults', 'includeDefaults must be true or false');
  const limits: Pick<TwilioSeed, 'maxMessages' | 'maxLoggedRequests'> = {};
  if (root.maxMessages !== undefined) {
    if (isWhole(root.maxMessages, 1)) limits.maxMessages = root.maxMessages;
    else err('/maxMessages', 'maxMessages must be a whole number ≥ 1, e.g. 10000');
  }
  if (root.maxLoggedRequests !== undefined) {
    if (isWhole(root.maxLoggedRequests, 0)) limits.maxLoggedRequests = root.maxLoggedRequests;
    else err('/maxLoggedRequests', 'maxLoggedRequests must be a whole number ≥ 0, e.g. 10000');
  }
  const seen = { sids: new Set<string>(), keys: new Set<string>() };
  const accounts = root.accounts.map((a, i) => checkAccount(a, `/accounts/${i}`, err, seen));
  if (root.includeDefaults !== true) return { accounts, ...limits };
  const mine = new Set(accounts.map((a) => a.sid));
  return {
    accounts: [...DEFAULT_TWILIO_SEED.accounts.filter((a) => !mine.has(a.sid)), ...accounts],
    ...limits,
  };
}

const ROOT_KEYS = new Set(['accounts', 'includeDefaults', 'maxMessages', 'maxLoggedRequests']);
const isWhole = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;

type Err = (pointer: string, message: string, hint?: string) => void;

function checkAccount(
  a: unknown,
  at: string,
  err: Err,
  seen: { sids: Set<string>; keys: Set<string> },
): SeedAccount {
  if (!isObj(a)) {
    err(at, 'each account must be a mapping with at least sid and authToken');
    return { sid: '', authToken: '' };
  }
  for (const key of Object.keys(a))
    if (!ACCOUNT_KEYS.has(key)) err(`${at}/${key}`, `unknown account key "${key}"`);
  const sid = sidOf(a.sid, 'AC', `${at}/sid`, err);
  if (seen.sids.has(sid)) err(`${at}/sid`, `account ${sid} is defined twice`);
  seen.sids.add(sid);
  if (typeof a.authToken !== 'string' || a.authToken === '')
    err(`${at}/authToken`, 'authToken must be a non-empty string');
  for (const flag of ['trial', 'testCredentials'] as const)
    if (a[flag] !== undefined && typeof a[flag] !== 'boolean')
      err(`${at}/${flag}`, `${flag} must be true or false`);
  const numbers = (key: string) => list(a[key], `${at}/${key}`, err, (v, p) => numberOf(v, p, err));
  list(a.apiKeys, `${at}/apiKeys`, err, (k, p) => {
    if (!isObj(k)) return err(p, 'an API key needs sid and secret');
    const ksid = sidOf(k.sid, 'SK', `${p}/sid`, err);
    if (seen.keys.has(ksid)) err(`${p}/sid`, `API key ${ksid} is defined twice`);
    seen.keys.add(ksid);
    if (typeof k.secret !== 'string' || k.secret === '')
      err(`${p}/secret`, 'secret must be a non-empty string');
  });
  numbers('phoneNumbers');
  numbers('verifiedNumbers');
  numbers('optedOut');
  list(a.whatsappSenders, `${at}/whatsappSenders`, err, (w, p) =>
    isObj(w) ? numberOf(w.number, `${p}/number`, err) : numberOf(w, p, err),
  );
  list(a.messagingServices, `${at}/messagingServices`, err, (m, p) => {
    if (!isObj(m)) return err(p, 'a messaging service needs sid and senders');
    sidOf(m.sid, 'MG', `${p}/sid`, err);
    list(m.senders, `${p}/senders`, err, (v, q) => numberOf(v, q, err));
  });
  list(a.sandboxParticipants, `${at}/sandboxParticipants`, err, (s, p) => {
    if (!isObj(s)) return err(p, 'a sandbox participant needs number and joinedAt');
    numberOf(s.number, `${p}/number`, err);
    timeOf(s.joinedAt, `${p}/joinedAt`, err);
    if (s.lastInboundAt !== undefined) timeOf(s.lastInboundAt, `${p}/lastInboundAt`, err);
  });
  list(a.whatsappSessions, `${at}/whatsappSessions`, err, (s, p) => {
    if (!isObj(s)) return err(p, 'a WhatsApp session needs number and lastInboundAt');
    numberOf(s.number, `${p}/number`, err);
    timeOf(s.lastInboundAt, `${p}/lastInboundAt`, err);
  });
  list(a.deliveryFailures, `${at}/deliveryFailures`, err, (d, p) => {
    if (!isObj(d)) return err(p, 'a delivery failure needs to, status and errorCode');
    numberOf(d.to, `${p}/to`, err);
    if (d.status !== 'failed' && d.status !== 'undelivered')
      err(`${p}/status`, 'status must be failed or undelivered');
    if (!Number.isInteger(d.errorCode)) err(`${p}/errorCode`, 'errorCode must be an integer, e.g. 30003');
  });
  return a as unknown as SeedAccount;
}

function list(v: unknown, at: string, err: Err, each: (item: unknown, at: string) => void): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) return err(at, 'expected a list');
  v.forEach((item, i) => each(item, `${at}/${i}`));
}

function sidOf(v: unknown, prefix: string, at: string, err: Err): string {
  if (typeof v !== 'string' || !new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(v)) {
    err(at, `expected a SID: "${prefix}" followed by 32 hex digits`, `found ${JSON.stringify(v)}`);
    return '';
  }
  return v;
}

function numberOf(v: unknown, at: string, err: Err): void {
  const s = typeof v === 'string' ? v.replace(/^whatsapp:/, '') : v;
  if (typeof s !== 'string' || !E164.test(s))
    err(at, `expected a phone number in E.164 format such as +14155550100, found ${JSON.stringify(v)}`);
}

function timeOf(v: unknown, at: string, err: Err): void {
  if (typeof v !== 'string' || parseSeedTime(v, new Date(0)) === undefined)
    err(at, 'expected an ISO 8601 time or a relative one such as -2h, -30m, -3d or now');
}
