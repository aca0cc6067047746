import { first, type FormFields } from '../http/form.js';
import { twilioError } from './errors.js';
import { startLifecycle, type LifecycleDeps } from './lifecycle.js';
import { buildMessage, countSegments, messagePath, rfc2822, type MessageResource } from './message.js';
import type { AccountState, Fate, MockState, StoredMessage } from './state.js';
import { validateCreate, type ValidCreate } from './validate-create.js';

const SANDBOX_SESSION_MS = 3 * 86_400_000;
const WINDOW_MS = 86_400_000;
const bare = (n: string) => (n.startsWith('whatsapp:') ? n.slice('whatsapp:'.length) : n);

// Operations return the stored resource itself, not a copy: the server serialises it at once (a snapshot).

/** POST Messages.json: validate, store, start the lifecycle; returns the 201 body. */
export function createMessage(
  state: MockState,
  account: AccountState,
  fields: FormFields,
  deps: LifecycleDeps,
): MessageResource {
  const now = deps.now();
  const v = validateCreate(fields, account, now);
  const status = v.sendAt ? 'scheduled' : v.service ? 'accepted' : 'queued';
  const single = v.channel === 'whatsapp' || v.mediaUrls.length > 0;
  const resource = buildMessage({
    accountSid: account.sid,
    to: v.to,
    from: v.from,
    body: v.body,
    mediaCount: v.mediaUrls.length,
    serviceSid: v.service?.sid ?? null,
    status,
    // "0" until a Messaging Service has picked the sender (spec description of num_segments).
    segments: v.from === null ? 0 : single ? 1 : countSegments(v.body),
    now,
  });
  const stored: StoredMessage = {
    seq: state.nextSeq++,
    account,
    resource,
    channel: v.channel,
    poolSender: v.poolSender,
    statusCallback: v.statusCallback,
    fate: decideFate(account, v, now),
    sendAt: v.sendAt,
  };
  state.store.add(account, stored);
  startLifecycle(account, stored, deps);
  return resource;
}

/** WhatsApp rules (reference §2.6): sandbox recipients must have joined within 3 days (63015); free-form
 * content needs an inbound message within 24 hours (63016). SMS recipients may be seeded to fail. */
function decideFate(account: AccountState, v: ValidCreate, now: Date): Fate {
  const to = bare(v.to);
  if (v.channel === 'sms') return account.failures.get(to) ?? { status: 'delivered' };
  const sender = account.whatsappSenders.get(bare(v.from ?? v.poolSender ?? ''));
  const participant = account.sandbox.get(to);
  if (
    sender?.sandbox &&
    (!participant || now.getTime() - participant.joinedAt.getTime() > SANDBOX_SESSION_MS)
  )
    return { status: 'failed', errorCode: 63015 };
  const lastInbound = account.sessions.get(to) ?? participant?.lastInboundAt;
  if (v.contentSid === null && (!lastInbound || now.getTime() - lastInbound.getTime() > WINDOW_MS))
    return { status: 'failed', errorCode: 63016 };
  return account.failures.get(to) ?? { status: 'delivered' };
}

export function fetchMessage(account: AccountState, sid: string): MessageResource {
  return find(account, sid).resource;
}

/** POST Messages/{Sid}.json: `Body=""` redacts, `Status=canceled` cancels a scheduled message (§2.5). */
export function updateMessage(
  account: AccountState,
  sid: string,
  fields: FormFields,
  now: Date,
): MessageResource {
  const msg = find(account, sid);
  const body = first(fields, 'Body');
  const status = first(fields, 'Status');
  if (status !== undefined && status !== 'canceled')
    throw twilioError('invalidParameter', { name: 'Status', value: status });
  if (body !== undefined && body !== '')
    throw twilioError('invalidParameter', {
      name: 'Body',
      value: 'only an empty Body (redaction) is accepted',
    });
  if (status === 'canceled' && msg.resource.status !== 'scheduled') throw twilioError('cannotCancel');
  if (status === 'canceled') {
    msg.resource.status = 'canceled';
    clearTimeout(msg.timer); // its scheduled send will never come
  }
  if (body === '') msg.resource.body = '';
  if (status !== undefined || body !== undefined) msg.resource.date_updated = rfc2822(now);
  return msg.resource;
}

export function deleteMessage(state: MockState, account: AccountState, sid: string): void {
  state.store.remove(account, find(account, sid));
}

/** A live message of this account; deleted and evicted ones are 404 / 20404, as on Twilio. */
function find(account: AccountState, sid: string): StoredMessage {
  const msg = account.messages.get(sid);
  if (!msg) throw twilioError('notFound', { path: messagePath(account.sid, sid) });
  return msg;
}
