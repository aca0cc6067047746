/**
 * What the mock knows before any request: accounts and their credentials, senders and recipients.
 * Times are ISO 8601 (`2026-05-01T10:00:00Z`) or relative to the mock's start (`-2h`, `-30m`, `-3d`, `now`).
 */
export interface TwilioSeed {
  accounts: SeedAccount[];
  /** Messages kept before the oldest are evicted (default 10,000); the start option or `--max-messages` wins. */
  maxMessages?: number;
  /** Requests kept in the request log (default 10,000); the start option or `--max-logged-requests` wins. */
  maxLoggedRequests?: number;
}

export interface SeedAccount {
  /** `AC` + 32 hex. */
  sid: string;
  authToken: string;
  friendlyName?: string;
  /** Trial accounts may only send to verified numbers (21608). */
  trial?: boolean;
  /** Test credentials: only POST .../Messages.json; magic numbers apply; no status callbacks (§4, §7). */
  testCredentials?: boolean;
  apiKeys?: SeedApiKey[];
  /** SMS/MMS-capable numbers the account owns (E.164). */
  phoneNumbers?: string[];
  /** WhatsApp senders (E.164, with or without `whatsapp:`). */
  whatsappSenders?: Array<string | SeedWhatsAppSender>;
  messagingServices?: SeedMessagingService[];
  /** Verified caller IDs (trial accounts can send only to these). */
  verifiedNumbers?: string[];
  /** People who joined the WhatsApp sandbox; joining counts as their last inbound message (§2.6). */
  sandboxParticipants?: SeedSandboxParticipant[];
  /** Last inbound WhatsApp message per contact, for non-sandbox senders' 24-hour window. */
  whatsappSessions?: SeedWhatsAppSession[];
  /** Recipients who replied STOP (21610). */
  optedOut?: string[];
  /** Recipients whose messages fail after acceptance, with the status and code to end in. */
  deliveryFailures?: SeedDeliveryFailure[];
}

export interface SeedApiKey {
  /** `SK` + 32 hex. */
  sid: string;
  secret: string;
  friendlyName?: string;
}

export interface SeedWhatsAppSender {
  number: string;
  /** The shared sandbox number: recipients must have joined within 3 days (63015). */
  sandbox?: boolean;
}

export interface SeedMessagingService {
  /** `MG` + 32 hex. */
  sid: string;
  friendlyName?: string;
  /** Sender pool: E.164 numbers and `whatsapp:+...` addresses the account owns. */
  senders: string[];
}

export interface SeedSandboxParticipant {
  number: string;
  joinedAt: string;
  lastInboundAt?: string;
}

export interface SeedWhatsAppSession {
  number: string;
  lastInboundAt: string;
}

export interface SeedDeliveryFailure {
  to: string;
  status: 'failed' | 'undelivered';
  errorCode: number;
}
