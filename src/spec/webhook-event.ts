import type { ErrorHandling, FieldType, Option, RequestTemplate } from './types.js';

/**
 * A webhook event card (contract WEBHOOK): the service posts to the platform's Event URL and the event flow turns the
 * delivery into the card's outputs. Two helper flows go with it: the registration flow sends `registration.request`
 * when a user turns their flow on (`${inputs.eventUrl}` is the Event URL; `${options.<key>}` the event card's
 * options) and keeps the value at `registration.keep` in the response body as the Registration data; the
 * deregistration flow sends `deregistration.request` when the flow is turned off (`${inputs.registrationData}`).
 */
export interface WebhookEvent {
  type: 'webhook';
  name: string;
  description: string;
  options?: Option[];
  registration: {
    request: RequestTemplate;
    /** Dot path in the registration response's body of what the deregistration needs (e.g. the webhook's `id`). */
    keep: string;
    errors?: ErrorHandling;
  };
  deregistration: { request: RequestTemplate; errors?: ErrorHandling };
  payload: WebhookPayload;
}

export interface WebhookPayload {
  /** The event card's outputs, each read from the delivery. */
  outputs: WebhookOutput[];
  /** Only deliveries with this value start the user's flow (Continue If); `equals` may use connection and options. */
  when?: { from?: WebhookSource; path: string; equals: string | number | boolean };
}

/** Where in the delivery a value is: the payload (JSON or form fields), a header (any case), or the query string. */
export type WebhookSource = 'body' | 'headers' | 'query';

export interface WebhookOutput {
  key: string;
  label: string;
  type: FieldType;
  list?: boolean;
  description?: string;
  /** Default `body`. */
  from?: WebhookSource;
  /** Dot path (`data.id`) or header name; empty = the whole body. */
  path?: string;
}

export function isWebhookEvent(event: { type?: string }): event is WebhookEvent {
  return event.type === 'webhook';
}
