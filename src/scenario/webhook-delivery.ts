import { WEBHOOK } from '../connector/contract.js';
import { FORM_CONTENT_TYPE } from '../connector/contract.js';

/** A webhook delivery as the service posts it to the Event URL (scenario `webhook:`). */
export interface WebhookDelivery {
  /** An object (sent as JSON), or the text as posted: form-encoded or JSON per `contentType`, else kept as text. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

/**
 * The webhook event flow's inputs for a delivery, as the platform hands it over [I] (contract WEBHOOK): the body
 * parsed (JSON, or form fields into an object; repeated fields become lists), header names lower-cased.
 */
export function deliveryInputs(delivery: WebhookDelivery): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(delivery.headers ?? {})) headers[k.toLowerCase()] = v;
  const type = (delivery.contentType ?? headers['content-type'] ?? '').toLowerCase();
  if (delivery.contentType && !headers['content-type']) headers['content-type'] = delivery.contentType;
  return {
    [WEBHOOK.delivery.body]: parseBody(delivery.body, type),
    [WEBHOOK.delivery.headers]: headers,
    [WEBHOOK.delivery.query]: { ...(delivery.query ?? {}) },
  };
}

function parseBody(body: unknown, type: string): unknown {
  if (typeof body !== 'string') return body ?? {};
  if (type.startsWith(FORM_CONTENT_TYPE)) {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(body)) {
      const had = out[k];
      out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
    }
    return out;
  }
  if (type.includes('json')) return JSON.parse(body) as unknown;
  return body;
}
