import { WEBHOOK, deregistrationFlowName, registrationFlowName } from '../connector/contract.js';
import type { GeneratedFlow } from './types.js';

/** What the build sheet says about a webhook event's flows (contract WEBHOOK): which card, what is built in. */
export interface WebhookSheet {
  isEvent: boolean;
  isRegistration: boolean;
  isDeregistration: boolean;
  /** The Webhook Event card's name (the event flow's). */
  event: string;
  registrationFlow: string;
  deregistrationFlow: string;
  /** The event's options, mapped onto the registration flows' inputs of the same name. */
  mappedOptions: string[];
}

export function webhookSheet(flow: GeneratedFlow): WebhookSheet | null {
  const event = flow.webhookEvent;
  if (!event) return null;
  return {
    isEvent: flow.kind === 'webhook',
    isRegistration: flow.kind === 'registration',
    isDeregistration: flow.kind === 'deregistration',
    event: event.name,
    registrationFlow: registrationFlowName(event.name),
    deregistrationFlow: deregistrationFlowName(event.name),
    mappedOptions: (event.options ?? []).map((o) => o.label),
  };
}

/**
 * Start-card inputs Connector Builder builds in, so a person creates none: the Event URL and Registration data of
 * the registration cards, and the delivery the Webhook Event card hands over.
 */
export function isBuiltInWebhookInput(flow: GeneratedFlow, key: string): boolean {
  if (flow.kind === 'registration') return key === WEBHOOK.eventUrlInput;
  if (flow.kind === 'deregistration') return key === WEBHOOK.registrationDataInput;
  if (flow.kind === 'webhook') return (Object.values(WEBHOOK.delivery) as string[]).includes(key);
  return false;
}
