import { addReturnField, type CardHandle, type FlowBuilder, type Value } from '../flopack/builder/index.js';
import { DYNAMIC_FIELDS } from '../connector/contract.js';
import type { DynamicOutputs } from '../spec/types.js';

/**
 * [I] A dynamic output group on the Return card (src/connector/dynamic-groups.ts): one object field keyed by the
 * group's key, naming the flow that lists its fields, holding the service's values by field key (the object at
 * `path` in the response body). Connector Builder shows one output per listed field; the flopack returns the object.
 */
export function addDynamicOutputGroup(
  flow: FlowBuilder,
  ret: CardHandle,
  group: DynamicOutputs,
  fieldsFloId: string,
  valueAt: (path: string) => Value,
): void {
  addReturnField(
    flow,
    ret,
    {
      key: group.key,
      type: 'object',
      collection: false,
      metadata: { displayname: group.label, [DYNAMIC_FIELDS.metadataKey]: { flo: fieldsFloId } },
    },
    valueAt(group.path),
  );
}
