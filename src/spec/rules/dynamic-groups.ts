import { requestRefs } from '../placeholders.js';
import type { RuleFinding, SpecRule } from './rule.js';

/**
 * A dynamic output group (src/connector/dynamic-groups.ts) is listed like a dynamic input group, by a GET that reads
 * only the connection, before anyone fills the card in; its key is one more output of the card, and its label names
 * its two flows, which must not be the input group's.
 */
export const dynamicGroups: SpecRule = {
  name: 'dynamic-groups',
  codes: ['OC-SPEC-DYNAMIC-GROUP'],
  description:
    'A dynamic output group is listed by a GET that reads only the connection; its key and flows are its own.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    spec.actions.forEach((action, a) => {
      const group = action.dynamicOutputs;
      if (!group) return;
      const at = `/actions/${a}/dynamicOutputs`;
      const add = (pointer: string, message: string, hint?: string) =>
        findings.push({
          code: 'OC-SPEC-DYNAMIC-GROUP',
          severity: 'error',
          pointer: at + pointer,
          message,
          hint,
        });
      if (group.request.method !== 'GET' || group.request.body)
        add('/request/method', `the fields of "${group.key}" are listed with a GET without a body`);
      for (const ref of requestRefs(group.request).filter((r) => r.source !== 'connection'))
        add(
          '/request',
          `the fields of "${group.key}" are listed before the card is filled in, so the request may use \${connection.<key>} only; found \${${ref.source}.${ref.key}}`,
        );
      if ((action.outputs ?? []).some((o) => o.key === group.key))
        add(
          '/key',
          `action "${action.name}" already has an output "${group.key}"; the dynamic output group is one more output`,
          'give the group its own key',
        );
      const inputs = action.dynamicInputs;
      if (inputs && inputs.label.trim().toLowerCase() === group.label.trim().toLowerCase())
        add(
          '/label',
          `the dynamic input and output groups of "${action.name}" are both labelled "${group.label}", so their helper flows would share a name (CBDE000001H)`,
          'label the groups differently',
        );
    });
    return findings;
  },
};
