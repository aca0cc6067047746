import { SPLIT_FIELDS } from '../../cards/string/split.js';
import { TEXT_IN_TEXT_OUT } from '../../cards/string/unary.js';
import { ENCODE_QUERY_FIELDS } from '../../cards/url/encode-query.js';
import { PLUCK_FIELDS } from '../../cards/list/pluck.js';
import type { IoType } from '../../types.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import { unaryCard } from './unary.js';

/** To Lower Case (`string:toLowerCase`): input `string` → `output`. */
export function toLowerCase(flow: FlowBuilder, path: string, text: Value, name?: string): OutputRef {
  return unaryCard(flow, 'toLowerCase', TEXT_IN_TEXT_OUT, path, text, name);
}

/** Encode Query (`url:encodeQuery`): input `data` object → `output` text. */
export function encodeQuery(flow: FlowBuilder, path: string, object: Value, name?: string): OutputRef {
  return unaryCard(flow, 'encodeQuery', ENCODE_QUERY_FIELDS, path, object, name);
}

/** Pluck (`list:pluck`): the value at `key` (a dot path) of every item of `list` → a list of `type`. */
export function pluck(
  flow: FlowBuilder,
  path: string,
  list: Value,
  key: string,
  type: IoType,
  name?: string,
): OutputRef {
  const card = flow.add('pluck', path, name);
  flow.set(card.addInput(PLUCK_FIELDS.list), list);
  flow.set(card.addInput(PLUCK_FIELDS.key), key);
  return card.addOutput({ ...PLUCK_FIELDS.output, type });
}

/** Split (`string:split`): `text` split at `separator` → a list of text, `output`. */
export function split(
  flow: FlowBuilder,
  path: string,
  text: Value,
  separator: Value,
  name?: string,
): OutputRef {
  const card = flow.add('split', path, name);
  flow.set(card.addInput(SPLIT_FIELDS.text), text);
  flow.set(card.addInput(SPLIT_FIELDS.separator), separator);
  return card.addOutput(SPLIT_FIELDS.output);
}
