import {
  addStartField,
  listToText,
  objectKeys,
  type CardHandle,
  type FlowBuilder,
  type OutputRef,
} from '../flopack/builder/index.js';
import { DYNAMIC_FIELDS } from '../connector/contract.js';
import { EXTENSIBLE_INPUTS, SELECTED_OUTPUTS } from '../connector/dynamic-groups.js';
import type { Action, ExtensibleInputs, SelectedOutputs } from '../spec/types.js';

/**
 * [I] An extensible input group on the start card (src/connector/dynamic-groups.ts EXTENSIBLE_INPUTS): one object
 * input keyed by the group's key, holding the fields the card user added by name.
 */
export function addExtensibleGroup(start: CardHandle, group: ExtensibleInputs): OutputRef {
  return addStartField(start, {
    key: group.key,
    type: 'object',
    data: {},
    required: false,
    metadata: {
      displayname: group.label,
      [EXTENSIBLE_INPUTS.metadataKey]: true,
      ...(group.description ? { description: group.description } : {}),
    },
  }).output;
}

/** Okta's selected-outputs object for the static outputs: `{<key>: {type, collection}}` (SELECTED_OUTPUTS). */
export function selectedOutputsShape(action: Action): Record<string, { type: string; collection: boolean }> {
  return Object.fromEntries(
    (action.outputs ?? []).map((o) => [
      o.key,
      {
        [SELECTED_OUTPUTS.type]: DYNAMIC_FIELDS.types[o.type ?? 'text'],
        [SELECTED_OUTPUTS.collection]: o.list ?? false,
      },
    ]),
  ) as Record<string, { type: string; collection: boolean }>;
}

/**
 * The Selected Outputs section's field (SELECTED_OUTPUTS), defaulting to every output, and what the request reads as
 * `${inputs.<key>}`: its keys joined by the separator (Object Keys, then List to Text, as Okta's page suggests).
 */
export function addSelectedOutputs(
  flow: FlowBuilder,
  start: CardHandle,
  action: Action,
  selected: SelectedOutputs,
): OutputRef {
  // The dynamic group's fields are known only once its Fields flow has run, at design time: no default here.
  const ofDynamic = selected.group === 'dynamicOutputs';
  const field = addStartField(start, {
    key: selected.key,
    group: SELECTED_OUTPUTS.group,
    type: 'object',
    data: ofDynamic ? {} : selectedOutputsShape(action),
    required: false,
    metadata: {
      displayname: ofDynamic && action.dynamicOutputs ? action.dynamicOutputs.label : SELECTED_OUTPUTS.group,
      [SELECTED_OUTPUTS.metadataKey]: ofDynamic ? 'dynamicOutputs' : 'outputs',
    },
  }).output;
  const keys = objectKeys(flow, `selected/${selected.key}/keys`, field, 'Keys of the selected outputs');
  return listToText(
    flow,
    `selected/${selected.key}/text`,
    keys,
    selected.separator ?? SELECTED_OUTPUTS.separator,
    'Selected outputs as text',
  );
}
