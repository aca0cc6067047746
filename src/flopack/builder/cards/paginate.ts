import { PAGINATE_FIELDS } from '../../cards/http-functions/paginate.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/**
 * Paginate (Connector Builder's HTTP › Paginate; contract PAGINATE): the pagination `object`, the `path` of its break
 * key and the helper flow's id → the last `output` object.
 */
export function paginate(
  flow: FlowBuilder,
  path: string,
  object: Value,
  breakKey: string,
  helperFloId: string,
  name?: string,
): OutputRef {
  const card = flow.add('paginate', path, name);
  flow.set(card.addInput(PAGINATE_FIELDS.object), object);
  card.addInput({ ...PAGINATE_FIELDS.path, data: breakKey });
  card.addInput({ ...PAGINATE_FIELDS.flo, data: helperFloId });
  return card.addOutput(PAGINATE_FIELDS.output);
}
