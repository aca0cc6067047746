import { MAP_FIELDS } from '../../cards/list/map.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/**
 * Map (`list:map`): runs the helper flow `floId` once per item of `list`; each entry of `fromItem` feeds the helper's
 * input of that key with the value at a dot path of the item (a dynamic proxy, §1.5) → `new list` of what it returns.
 */
export function mapList(
  flow: FlowBuilder,
  path: string,
  list: Value,
  floId: string,
  fromItem: Record<string, string>,
  name?: string,
): OutputRef {
  const card = flow.add('map', path, name);
  flow.set(card.addInput(MAP_FIELDS.list), list);
  card.addInput({ ...MAP_FIELDS.flo, data: floId });
  for (const [key, itemPath] of Object.entries(fromItem)) {
    card.addInput({
      key,
      type: 'string',
      metadata: { custom: true },
      proxy: { dynamic: true, path: itemPath, dest: { key, group: null } },
    });
  }
  return card.addOutput(MAP_FIELDS.output);
}
