import { FLATTEN_FIELDS } from '../../cards/list/flatten.js';
import { LIST_LENGTH_FIELDS } from '../../cards/list/length.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/** Flatten (`list:flatten`): a list of lists (`lists`) → one `list`. */
export function flatten(flow: FlowBuilder, path: string, lists: Value, name?: string): OutputRef {
  const card = flow.add('flatten', path, name);
  flow.set(card.addInput(FLATTEN_FIELDS.lists), lists);
  return card.addOutput(FLATTEN_FIELDS.output);
}

/** Length (`list:length`): `list` → its number of items, `length`. */
export function listLength(flow: FlowBuilder, path: string, list: Value, name?: string): OutputRef {
  const card = flow.add('listLength', path, name);
  flow.set(card.addInput(LIST_LENGTH_FIELDS.list), list);
  return card.addOutput(LIST_LENGTH_FIELDS.output);
}
