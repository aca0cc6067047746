import { GET_FIELDS } from '../../cards/object/get.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import type { IoType } from '../../types.js';

/** Object Get (`object:get`): `object` + dot `path` (e.g. `data.events`) → `output` (batched events template). */
export function get(
  flow: FlowBuilder,
  path: string,
  object: Value,
  at: string,
  type: IoType = 'string',
  name?: string,
): OutputRef {
  const card = flow.add('get', path, name);
  flow.set(card.addInput(GET_FIELDS.object), object);
  card.addInput({ ...GET_FIELDS.path, data: at });
  return card.addOutput({ ...GET_FIELDS.output, type });
}
