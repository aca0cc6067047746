import { WEBHOOK, deregistrationFlowName, registrationFlowName } from '../../connector/contract.js';
import { toPointer } from '../../source/document.js';
import { didYouMeanHint } from '../../util/did-you-mean.js';
import { parseTemplate } from '../placeholders.js';
import type { RequestTemplate } from '../types.js';
import { connectionKeys, requestStrings, type TemplateScope } from '../walk.js';
import { isWebhookEvent } from '../webhook-event.js';
import type { RuleFinding, SpecRule } from './rule.js';

const CODE = 'OC-SPEC-WEBHOOK';

/**
 * Webhook events: the registration flow's request sends the Event URL (`${inputs.eventUrl}`) and may use the
 * connection and the event's options; the deregistration's may use `${inputs.registrationData}` instead; the
 * generated flows' names are free; the outputs have distinct keys and readable paths; the filter compares with
 * connection values or options only. (Names, and what polling events check, are the events rule's.)
 */
export const webhookEvents: SpecRule = {
  name: 'webhook-events',
  codes: [CODE],
  description:
    'A webhook event registers ${inputs.eventUrl}, deregisters with ${inputs.registrationData}, and reads its outputs from the delivery.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    const add = (pointer: string, message: string, hint?: string) =>
      findings.push({ code: CODE, severity: 'error', pointer, message, hint });
    const taken = new Set([
      ...spec.actions.map((a) => a.name.toLowerCase()),
      ...(spec.events ?? []).map((e) => e.name.toLowerCase()),
    ]);
    const connection = connectionKeys(spec);
    (spec.events ?? []).forEach((event, e) => {
      if (!isWebhookEvent(event)) return;
      const at = ['events', e];
      for (const flowName of [registrationFlowName(event.name), deregistrationFlowName(event.name)]) {
        if (taken.has(flowName.toLowerCase()))
          add(
            toPointer([...at, 'name']),
            `event "${event.name}" generates the flow "${flowName}", which is already the name of a flow (CBDE000001H)`,
            'rename the event or the other flow',
          );
        taken.add(flowName.toLowerCase());
      }
      const options = new Set((event.options ?? []).map((o) => o.key));
      const none = new Set<string>();
      const checkRequest = (request: RequestTemplate, part: string, input: string): boolean => {
        const scope: TemplateScope = { inputs: new Set([input]), options, connection };
        let usesInput = false;
        for (const s of requestStrings(request, [...at, part, 'request'], scope, {})) {
          // The placeholders rule walks actions only: a malformed placeholder here would be sent as text.
          for (const p of parseTemplate(s.template).problems) add(s.pointer, p.message);
          for (const ref of refsIn(s.template)) {
            if (ref.source === 'inputs' && ref.key === input) usesInput = true;
            if (!scope[ref.source].has(ref.key))
              add(
                s.pointer,
                `the ${part} of "${event.name}" may use \${inputs.${input}}, \${options.<key>} of the event and \${connection.<key>}; found ${ref.raw}`,
                didYouMeanHint(ref.key, [...scope[ref.source]]),
              );
          }
        }
        return usesInput;
      };
      if (!checkRequest(event.registration.request, 'registration', WEBHOOK.eventUrlInput))
        add(
          toPointer([...at, 'registration', 'request']),
          `the registration of "${event.name}" never sends the Event URL: the service would not know where to post`,
          `put \${inputs.${WEBHOOK.eventUrlInput}} in its body, query or path`,
        );
      checkRequest(event.deregistration.request, 'deregistration', WEBHOOK.registrationDataInput);

      const keys = new Set<string>();
      event.payload.outputs.forEach((o, i) => {
        const here = [...at, 'payload', 'outputs', i];
        if (keys.has(o.key)) add(toPointer([...here, 'key']), `output key "${o.key}" is used twice`);
        keys.add(o.key);
        if (o.from === 'headers' && !o.path)
          add(toPointer([...here, 'path']), `output "${o.key}" reads a header: path names the header`);
        if (o.path?.split('.').some((s) => s === '' || s === '*'))
          add(
            toPointer([...here, 'path']),
            `output "${o.key}": path "${o.path}" must be a dot path of names or indexes (no empty segment, no *)`,
          );
      });
      const when = event.payload.when;
      if (typeof when?.equals === 'string') {
        const scope: TemplateScope = { inputs: none, options, connection };
        for (const ref of refsIn(when.equals))
          if (!scope[ref.source].has(ref.key))
            add(
              toPointer([...at, 'payload', 'when', 'equals']),
              `the filter of "${event.name}" may compare with \${options.<key>} of the event and \${connection.<key>}; found ${ref.raw}`,
              didYouMeanHint(ref.key, [...scope[ref.source]]),
            );
      }
    });
    return findings;
  },
};

/** The well-formed references of a template. */
function refsIn(template: string) {
  return parseTemplate(template).parts.flatMap((p) => (p.kind === 'ref' ? [p] : []));
}
