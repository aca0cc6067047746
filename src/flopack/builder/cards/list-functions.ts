import { FLATTEN_FIELDS } from '../../cards/list/flatten.js';
import { LIST_LENGTH_FIELDS } from '../../cards/list/length.js';
import { POP_FIELDS } from '../../cards/list/pop.js';
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

/** Get Last Item (`list:pop`): `list` → its last `item` (the card's other output, the rest, is left unused). */
export function getLastItem(flow: FlowBuilder, path: string, list: Value, name?: string): OutputRef {
  const card = flow.add('pop', path, name);
  flow.set(card.addInput(POP_FIELDS.list), list);
  card.addOutput(POP_FIELDS.rest);
  return card.addOutput(POP_FIELDS.item);
}
