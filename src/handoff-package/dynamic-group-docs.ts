import { DYNAMIC_FIELDS } from '../connector/contract.js';
import type { Action } from '../spec/types.js';
import type { ActionDoc } from './docs-model.js';

/**
 * The help topic's rows for an action's dynamic groups (Okta's submission guide: every option, input and output
 * field, with its type): what the card user sees depends on the service, so the row says where the fields come from.
 */
export function dynamicGroupRows(action: Action): Pick<ActionDoc, 'inputs' | 'outputs'> {
  const i = action.dynamicInputs;
  const o = action.dynamicOutputs;
  const from = (g: { request: { method: string; path: string }; type?: keyof typeof DYNAMIC_FIELDS.types }) =>
    `listed from the service (${g.request.method} ${g.request.path}) when the card is placed; each field is ${DYNAMIC_FIELDS.types[g.type ?? 'text']}`;
  const e = action.extensibleInputs;
  const extensible = e
    ? [
        {
          label: e.label,
          key: e.key,
          type: 'Fields you add',
          required: false,
          description: e.description ?? 'Add fields of your own; each is sent under the name you give it.',
          default: null,
        },
      ]
    : [];
  return {
    inputs: [
      ...extensible,
      ...(i
        ? [
            {
              label: i.label,
              key: i.key,
              type: 'Dynamic fields',
              required: false,
              description: `One input per field ${from(i)}.${i.groupProperties?.extensible ? ' You may add fields of your own.' : ''}`,
              default: null,
            },
          ]
        : []),
    ],
    outputs: o
      ? [
          {
            label: o.label,
            key: o.key,
            type: 'Dynamic fields',
            description: `One output per field ${from(o)}.`,
          },
        ]
      : [],
  };
}
