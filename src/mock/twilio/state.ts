import type { MessageResource } from './message.js';
import type { TwilioSeed } from './seed.js';
import { parseSeedTime } from './seed-time.js';
import { MessageStore } from './store.js';

/** How a message ends, decided when it is accepted (reference §2.6: WhatsApp failures are asynchronous). */
export type Fate = { status: 'delivered' } | { status: 'failed' | 'undelivered'; errorCode: number };

export interface StoredMessage {
  seq: number;
  account: AccountState;
  resource: MessageResource;
  channel: 'sms' | 'whatsapp';
  /** The sender chosen from a Messaging Service pool, shown in `from` once queued. */
  poolSender: string | null;
  statusCallback: string | null;
  fate: Fate;
  sendAt: Date | null;
  /** Set once deleted or evicted: its lifecycle stops. */
  removed?: boolean;
  /** The timer of a scheduled send, cleared when the message goes. */
  timer?: NodeJS.Timeout;
}

export interface ServiceState {
  sid: string;
  senders: string[];
}

export interface AccountState {
  sid: string;
  authToken: string;
  trial: boolean;
  test: boolean;
  phoneNumbers: Set<string>;
  /** Keyed by E.164 without `whatsapp:`. */
  whatsappSenders: Map<string, { sandbox: boolean }>;
  services: Map<string, ServiceState>;
  verified: Set<string>;
  sandbox: Map<string, { joinedAt: Date; lastInboundAt: Date }>;
  sessions: Map<string, Date>;
  optedOut: Set<string>;
  failures: Map<string, Fate>;
  /** Insertion (creation) order; deleted and evicted messages leave it. */
  messages: Map<string, StoredMessage>;
  /** Creation sequence of removed messages (capped tombstones, see MessageStore), so page tokens survive. */
  removed: Map<string, number>;
}

export interface MockState {
  accounts: Map<string, AccountState>;
  apiKeys: Map<string, { secret: string; accountSid: string }>;
  nextSeq: number;
  store: MessageStore;
}

const bare = (n: string) => n.replace(/^whatsapp:/, '');

/** Turns a seed into lookup tables; relative seed times are resolved against `now`. */
export function buildState(seed: TwilioSeed, now: Date, store: MessageStore): MockState {
  const state: MockState = { accounts: new Map(), apiKeys: new Map(), nextSeq: 1, store };
  const time = (t: string) => parseSeedTime(t, now) ?? now;
  for (const a of seed.accounts) {
    const sandbox = new Map<string, { joinedAt: Date; lastInboundAt: Date }>();
    for (const p of a.sandboxParticipants ?? []) {
      const joinedAt = time(p.joinedAt);
      sandbox.set(bare(p.number), {
        joinedAt,
        lastInboundAt: p.lastInboundAt ? time(p.lastInboundAt) : joinedAt,
      });
    }
    state.accounts.set(a.sid, {
      sid: a.sid,
      authToken: a.authToken,
      trial: a.trial ?? false,
      test: a.testCredentials ?? false,
      phoneNumbers: new Set(a.phoneNumbers ?? []),
      whatsappSenders: new Map(
        (a.whatsappSenders ?? []).map((w) =>
          typeof w === 'string'
            ? [bare(w), { sandbox: false }]
            : [bare(w.number), { sandbox: w.sandbox ?? false }],
        ),
      ),
      services: new Map(
        (a.messagingServices ?? []).map((s) => [s.sid, { sid: s.sid, senders: [...s.senders] }]),
      ),
      verified: new Set((a.verifiedNumbers ?? []).map(bare)),
      sandbox,
      sessions: new Map((a.whatsappSessions ?? []).map((s) => [bare(s.number), time(s.lastInboundAt)])),
      optedOut: new Set((a.optedOut ?? []).map(bare)),
      failures: new Map(
        (a.deliveryFailures ?? []).map((f) => [
          bare(f.to),
          { status: f.status, errorCode: f.errorCode } as Fate,
        ]),
      ),
      messages: new Map(),
      removed: new Map(),
    });
    for (const k of a.apiKeys ?? []) state.apiKeys.set(k.sid, { secret: k.secret, accountSid: a.sid });
  }
  return state;
}

/** Forgets every message; seed data stays. */
export function clearMessages(state: MockState): void {
  state.store.clear(state.accounts.values());
}
