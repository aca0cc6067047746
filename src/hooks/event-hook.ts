import { secretsEqual } from './client-token.js';

/**
 * The receiving end of an Okta event hook (reference §3.3): the one-time verification GET echoes the
 * `X-Okta-Verification-Challenge` header as `{"verification": ...}`; deliveries are POSTs carrying the shared
 * secret in `Authorization` and a batch in `data.events`, answered at once with an empty 200/204. Delivery is
 * at-least-once, so events already seen (by `uuid`) are dropped.
 */
export interface EventHookHttpRequest {
  method: string;
  /** Lower-case header names, as node gives them. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface EventHookReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type EventHookOutcome =
  | { kind: 'verification'; challenge: string }
  | { kind: 'delivery'; eventId?: string; received: number; duplicates: number; events: unknown[] }
  | { kind: 'rejected'; reason: string };

export interface EventHookReceiver {
  handle(req: EventHookHttpRequest): { reply: EventHookReply; outcome: EventHookOutcome };
  /** How many distinct event uuids have been seen. */
  seen(): number;
}

export const VERIFICATION_HEADER = 'x-okta-verification-challenge';

export function createEventHookReceiver(options: { secret: string; remember?: number }): EventHookReceiver {
  const remember = options.remember ?? 10_000;
  // Insertion-ordered, so the oldest uuids are forgotten first.
  const seen = new Set<string>();
  const reject = (status: number, reason: string) => ({
    reply: json(status, { errorSummary: reason }),
    outcome: { kind: 'rejected', reason } as const,
  });

  return {
    seen: () => seen.size,
    handle(req) {
      if (!secretsEqual(header(req, 'authorization'), options.secret))
        return reject(401, 'the Authorization header does not carry the event hook secret');
      if (req.method === 'GET') {
        const challenge = header(req, VERIFICATION_HEADER);
        if (!challenge) return reject(400, 'a GET must carry the X-Okta-Verification-Challenge header');
        return {
          reply: json(200, { verification: challenge }),
          outcome: { kind: 'verification', challenge },
        };
      }
      if (req.method !== 'POST')
        return reject(405, `event hooks use GET (verification) and POST, not ${req.method}`);
      let payload: unknown;
      try {
        payload = JSON.parse(req.body);
      } catch {
        return reject(400, 'the delivery body is not JSON');
      }
      const events = (payload as { data?: { events?: unknown } } | null)?.data?.events;
      if (!Array.isArray(events)) return reject(400, 'the delivery has no data.events array');
      const fresh: unknown[] = [];
      let duplicates = 0;
      for (const event of events) {
        const uuid = (event as { uuid?: unknown } | null)?.uuid;
        if (typeof uuid === 'string') {
          if (seen.has(uuid)) {
            duplicates += 1;
            continue;
          }
          seen.add(uuid);
          if (seen.size > remember) seen.delete(seen.values().next().value as string);
        }
        fresh.push(event);
      }
      const eventId = (payload as { eventId?: unknown }).eventId;
      return {
        // Okta wants an empty 200 or 204, at once; processing happens after the answer.
        reply: { status: 204, headers: {}, body: '' },
        outcome: {
          kind: 'delivery',
          eventId: typeof eventId === 'string' ? eventId : undefined,
          received: events.length,
          duplicates,
          events: fresh,
        },
      };
    },
  };
}

function header(req: EventHookHttpRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function json(status: number, body: unknown): EventHookReply {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
