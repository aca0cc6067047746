import { POLLING } from '../../connector/contract.js';
import { isValidFlowName } from '../../connector/flow-names.js';
import { requestRefs } from '../placeholders.js';
import { isWebhookEvent } from '../webhook-event.js';
import type { RuleFinding, SpecRule } from './rule.js';

/**
 * Polling monitor events: a flow name of Okta's kind that no action has, a GET, and placeholders it can fill: the
 * connection, its own options, and `${inputs.cursor}` (the last run's cursor).
 */
export const events: SpecRule = {
  name: 'events',
  codes: ['OC-SPEC-EVENT'],
  description: 'An event is a polling GET that reads only the connection, its options and the cursor.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    const actions = new Set(spec.actions.map((a) => a.name.toLowerCase()));
    const seen = new Set<string>();
    (spec.events ?? []).forEach((event, e) => {
      const at = `/events/${e}`;
      const add = (pointer: string, message: string, hint?: string) =>
        findings.push({ code: 'OC-SPEC-EVENT', severity: 'error', pointer: at + pointer, message, hint });
      const name = event.name.toLowerCase();
      if (!isValidFlowName(event.name))
        add(
          '/name',
          `event name "${event.name}": Okta allows letters, numbers and spaces only (CBDE000003H)`,
        );
      if (actions.has(name) || seen.has(name)) add('/name', `"${event.name}" is already the name of a flow`);
      seen.add(name);
      if (isWebhookEvent(event)) return; // the webhook-events rule checks the rest
      if (event.request.method !== 'GET' || event.request.body)
        add('/request/method', `event "${event.name}" polls with a GET without a body`);
      const options = new Set((event.options ?? []).map((o) => o.key));
      for (const ref of requestRefs(event.request)) {
        const ok =
          ref.source === 'connection' ||
          (ref.source === 'options' && options.has(ref.key)) ||
          (ref.source === 'inputs' && ref.key === POLLING.cursorInput);
        if (!ok)
          add(
            '/request',
            `event "${event.name}" may use \${connection.<key>}, its own options and \${inputs.${POLLING.cursorInput}}; found \${${ref.source}.${ref.key}}`,
          );
      }
    });
    return findings;
  },
};
