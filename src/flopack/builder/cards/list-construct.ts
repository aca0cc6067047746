import { LIST_CONSTRUCT_FIELDS } from '../../cards/list/construct.js';
import type { IoType } from '../../types.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

export interface ListItem {
  value: Value;
  type?: IoType;
  collection?: boolean;
}

/** List Construct (`list:construct`): one custom input per item (`item 1`, `item 2`, …) → `list` of `itemType`. */
export function listConstruct(
  flow: FlowBuilder,
  path: string,
  items: ListItem[],
  itemType: IoType,
  name?: string,
): OutputRef {
  const card = flow.add('listConstruct', path, name);
  items.forEach((item, i) => {
    const input = card.addInput({
      key: `item ${i + 1}`,
      type: item.type ?? 'string',
      collection: item.collection ?? false,
      metadata: { custom: true },
    });
    flow.set(input, item.value);
  });
  return card.addOutput({ ...LIST_CONSTRUCT_FIELDS.output, type: itemType });
}
