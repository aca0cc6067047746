import { addStartField, type CardHandle, type OutputRef } from '../flopack/builder/index.js';
import { DYNAMIC_DROPDOWN, DYNAMIC_FIELDS, OPTION_GROUP } from '../connector/contract.js';
import type { Input, Option } from '../spec/types.js';
import { ioType } from './fields.js';

/**
 * [I] An action option on the start card (stand-in for the Connector Action card's Options): group
 * `parameters`, flags "p", dropdown values as `metadata.choices` (contract OPTION_GROUP).
 */
export function addOption(start: CardHandle, option: Option, valuesFloId?: string): OutputRef {
  const choices =
    option.type === 'dropdown'
      ? (option.values ?? []).map((v) => ({ value: v.value, label: v.label }))
      : undefined;
  return addStartField(start, {
    key: option.key,
    group: OPTION_GROUP,
    flags: 'p',
    type: 'string',
    data: option.default ?? '',
    required: option.required ?? false,
    metadata: {
      displayname: option.label,
      ...(option.description ? { description: option.description } : {}),
      ...(choices && !valuesFloId ? { choices } : {}),
      // [I] A dynamic dropdown names the flow that lists its values (contract DYNAMIC_DROPDOWN).
      ...(valuesFloId ? { [DYNAMIC_DROPDOWN.metadataKey]: { flo: valuesFloId } } : {}),
    },
  }).output;
}

/** [I] An action input on the start card: a data field keyed by the spec key, labelled by `displayname`. */
export function addInput(start: CardHandle, input: Input): OutputRef {
  return addStartField(start, {
    key: input.key,
    type: ioType(input.type),
    collection: input.list ?? false,
    ...(input.default !== undefined ? { data: input.default } : {}),
    required: input.required ?? false,
    metadata: { displayname: input.label, ...(input.description ? { description: input.description } : {}) },
  }).output;
}

/**
 * [I] A dynamic input group on the start card (contract DYNAMIC_FIELDS): one object input keyed by the group's key,
 * holding the values entered by field name, naming the flow that lists its fields.
 */
export function addDynamicGroup(
  start: CardHandle,
  group: { key: string; label: string },
  fieldsFloId: string,
): OutputRef {
  return addStartField(start, {
    key: group.key,
    type: 'object',
    data: {},
    required: false,
    metadata: { displayname: group.label, [DYNAMIC_FIELDS.metadataKey]: { flo: fieldsFloId } },
  }).output;
}
