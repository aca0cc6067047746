import { JOIN_FIELDS } from '../../cards/list/join.js';
import { KEYS_FIELDS } from '../../cards/object/keys.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/** Keys (`object:keys`): `object` → its keys, a list of text (`output`). */
export function objectKeys(flow: FlowBuilder, path: string, object: Value, name?: string): OutputRef {
  const card = flow.add('keys', path, name);
  flow.set(card.addInput(KEYS_FIELDS.object), object);
  return card.addOutput(KEYS_FIELDS.output);
}

/** List to Text (`list:join`): `list` → one `text` with `separator` between the items. */
export function listToText(
  flow: FlowBuilder,
  path: string,
  list: Value,
  separator: string,
  name?: string,
): OutputRef {
  const card = flow.add('listToText', path, name);
  flow.set(card.addInput(JOIN_FIELDS.list), list);
  flow.set(card.addInput(JOIN_FIELDS.separator), separator);
  return card.addOutput(JOIN_FIELDS.output);
}
