import { CALL_FLOW_FIELDS } from '../../cards/control/call-flow.js';
import type { CardHandle } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import type { IoType } from '../../types.js';

export interface CalledField {
  key: string;
  type?: IoType;
  collection?: boolean;
}

/**
 * Call Flow (`control:spawn`): input `flo` holds the called flo's uuid (displayname "Helper Flow"), then one
 * transient input per input of the called Helper Flow and one output per field of its Return card (reference
 * §1.7). Feed inputs with `flow.set(card.input(key), value)`, read results with `card.output(key)`.
 */
export function callFlow(
  flow: FlowBuilder,
  path: string,
  target: { floId: string; inputs: CalledField[]; outputs: CalledField[] },
  name?: string,
): CardHandle {
  const card = flow.add('spawn', path, name);
  card.addInput({ ...CALL_FLOW_FIELDS.flo, data: target.floId });
  const field = (f: CalledField, metadata: Record<string, boolean>) => ({
    key: f.key,
    type: f.type ?? 'string',
    collection: f.collection,
    metadata,
  });
  // Real Call Flow arguments (648 of 648) carry both `custom` and `transient`.
  for (const f of target.inputs) card.addInput(field(f, { custom: true, transient: true }));
  for (const f of target.outputs) card.addOutput(field(f, { custom: true }));
  return card;
}
