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
  flow.set(card.addInput({ key: 'object', type: 'object', data: {}, required: true }), object);
  card.addInput({ key: 'path', type: 'string', data: at, required: true });
  return card.addOutput({ key: 'output', type, available: ['*'] });
}
