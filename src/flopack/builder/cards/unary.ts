import type { OutputRef, Value } from '../card.js';
import type { CardKind } from '../defaults.js';
import type { FlowBuilder } from '../flow.js';
import type { IoType } from '../../types.js';

/** Shared shape of one-input function cards: input `<inputKey>` → output `output` (reference §1.7). */
export function unaryCard(
  flow: FlowBuilder,
  kind: CardKind,
  path: string,
  input: { key: string; type: IoType; displayname?: string },
  value: Value,
  outputType: IoType,
  name?: string,
): OutputRef {
  const card = flow.add(kind, path, name);
  const inRef = card.addInput({
    key: input.key,
    type: input.type,
    required: true,
    metadata: input.displayname ? { displayname: input.displayname } : {},
  });
  const out = card.addOutput({ key: 'output', type: outputType });
  flow.set(inRef, value);
  return out;
}
